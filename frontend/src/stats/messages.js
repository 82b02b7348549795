// The statistics page's words, French first; the browser's language picks.
const messages = {
  fr: {
    title: 'Statistiques',
    back: 'Retour à la carte',
    loading: 'Chargement des statistiques…',
    error: 'Les statistiques ne sont pas disponibles : {detail}',
    licence: 'Caméras approuvées seulement. Données sous licence ODbL 1.0, © contributeurs de Technocarte.',
    'totals.title': 'En tout',
    'totals.cameras': 'caméras approuvées',
    'totals.vsa': 'soupçonnées de VSA',
    'totals.cities': 'villes',
    'cities.title': 'Par ville',
    'cities.caption': 'Caméras approuvées par ville, la plus équipée en premier',
    'cities.empty': 'Aucune caméra approuvée pour le moment.',
    'cities.scroll': 'Tableau des villes (défilement horizontal)',
    'col.city': 'Ville',
    'col.cameras': 'Caméras',
    'col.vsa': 'VSA soupçonnée',
    'col.vsaShare': 'Part VSA',
    'group.surveillanceType': 'Par nature',
    'group.cameraType': 'Par forme',
    csv: 'Télécharger le tableau (CSV)',
    'chart.cities': 'Caméras par ville',
    'chart.citiesTop': 'Caméras par ville ({n} premières)',
    'chart.months': 'Caméras ajoutées par mois',
    'chart.alternative': 'Les mêmes chiffres sont dans le tableau.',
    'months.table': 'Voir les chiffres par mois',
    'months.caption': 'Caméras approuvées ajoutées par mois (UTC)',
    'col.month': 'Mois',
    'col.added': 'Ajoutées',
    'city.back': 'Toutes les villes',
    'city.notFound': 'Aucune caméra approuvée dans cette ville.',
    'city.caption': 'Caméras de {name} par nature et par forme',
    'city.kind': 'Catégorie',
    'city.map': 'Carte des caméras approuvées de {name}',
    'city.export': 'Télécharger les caméras de {name} (GeoJSON)',
    'surveillanceType.camera': 'Caméra',
    'surveillanceType.alpr': 'Lecteur de plaques',
    'surveillanceType.guard': 'Gardien',
    'surveillanceType.other': 'Autre',
    'cameraType.fixed': 'Fixe',
    'cameraType.dome': 'Dôme',
    'cameraType.panning': 'Orientable',
    'cameraType.unknown': 'Inconnue',
  },
  en: {
    title: 'Statistics',
    back: 'Back to the map',
    loading: 'Loading the statistics…',
    error: 'The statistics are not available: {detail}',
    licence: 'Approved cameras only. Data under the ODbL 1.0 licence, © Technocarte contributors.',
    'totals.title': 'In all',
    'totals.cameras': 'approved cameras',
    'totals.vsa': 'suspected of VSA',
    'totals.cities': 'cities',
    'cities.title': 'By city',
    'cities.caption': 'Approved cameras by city, largest first',
    'cities.empty': 'No approved camera yet.',
    'cities.scroll': 'Table of cities (scrolls sideways)',
    'col.city': 'City',
    'col.cameras': 'Cameras',
    'col.vsa': 'Suspected VSA',
    'col.vsaShare': 'VSA share',
    'group.surveillanceType': 'By kind',
    'group.cameraType': 'By shape',
    csv: 'Download the table (CSV)',
    'chart.cities': 'Cameras per city',
    'chart.citiesTop': 'Cameras per city (top {n})',
    'chart.months': 'Cameras added per month',
    'chart.alternative': 'The same figures are in the table.',
    'months.table': 'See the figures per month',
    'months.caption': 'Approved cameras added per month (UTC)',
    'col.month': 'Month',
    'col.added': 'Added',
    'city.back': 'All cities',
    'city.notFound': 'No approved camera in this city.',
    'city.caption': 'Cameras of {name} by kind and by shape',
    'city.kind': 'Category',
    'city.map': 'Map of the approved cameras of {name}',
    'city.export': 'Download the cameras of {name} (GeoJSON)',
    'surveillanceType.camera': 'Camera',
    'surveillanceType.alpr': 'Plate reader',
    'surveillanceType.guard': 'Guard',
    'surveillanceType.other': 'Other',
    'cameraType.fixed': 'Fixed',
    'cameraType.dome': 'Dome',
    'cameraType.panning': 'Panning',
    'cameraType.unknown': 'Unknown',
  },
};

export function pickLanguage(languages) {
  for (const language of languages || []) {
    const short = String(language).slice(0, 2).toLowerCase();
    if (messages[short]) return short;
  }
  return 'fr';
}

export function translator(language) {
  const table = messages[language] || messages.fr;
  return (key, values = {}) =>
    (table[key] ?? messages.fr[key] ?? key).replace(/\{(\w+)\}/g, (_, name) => values[name] ?? '');
}

/** Every key in French has an English twin (checked by the unit tests). */
export const LANGUAGES = Object.keys(messages);
export const keysOf = (language) => Object.keys(messages[language]);
