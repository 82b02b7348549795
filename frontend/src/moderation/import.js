/** Sends an Overpass export to the server and follows the background import to its report. */
export async function runImport(api, groupId, file, { progress, report, t, pause = wait }) {
  progress.hidden = false;
  progress.value = 0;
  report.textContent = '';
  try {
    let job = await api.post(`/api/moderation/imports?group=${groupId}`, await file.text());
    while (job.status === 'running') {
      progress.max = Math.max(job.total, 1);
      progress.value = job.processed;
      report.textContent = t('import.running', job);
      await pause(500);
      job = await api.get(`/api/moderation/imports/${job.id}`);
    }
    progress.value = progress.max;
    const r = job.report;
    report.textContent = t('import.done', { ...r, refused: r.refused.length });
    return job;
  } catch (error) {
    report.textContent = t('error', { detail: error.message });
    return null;
  }
}

function wait(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
