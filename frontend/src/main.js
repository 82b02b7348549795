document.getElementById('app').textContent = 'Technocarte';
