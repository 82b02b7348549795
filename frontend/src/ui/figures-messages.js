// The words the statistics page and the city pages share: their bar, the tables' columns, and the
// values' labels (surveillanceType.*, cameraType.*: the walker's map calls a camera the same, but for
// "unknown", which its form asks as « Je ne sais pas » and the tables count as « Inconnue »; checked by
// test/labels.test.js). Each page's catalogue falls back to this one (`shared`), French first.
import { catalogue } from './catalogue.js';

const messages = {
  fr: {
    title: 'Statistiques',
    back: 'Retour à la carte',
    language: 'Langue',
    error: 'Les statistiques ne sont pas disponibles : {detail}',
    'cities.empty': 'Aucune caméra approuvée pour le moment.',
    'col.cameras': 'Caméras',
    'col.vsa': 'VSA soupçonnée',
    'col.vsaShare': 'Part VSA',
    'page.cities': 'Villes',
    'surveillanceType.camera': 'Caméra',
    'surveillanceType.alpr': 'Lecture de plaques',
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
    language: 'Language',
    error: 'The statistics are not available: {detail}',
    'cities.empty': 'No approved camera yet.',
    'col.cameras': 'Cameras',
    'col.vsa': 'Suspected VSA',
    'col.vsaShare': 'VSA share',
    'page.cities': 'Cities',
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

export const { translator, keysOf } = catalogue(messages);
