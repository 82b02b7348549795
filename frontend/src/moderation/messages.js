// The moderation page's words, French first; the browser's language picks.
const messages = {
  fr: {
    title: 'Modération',
    logout: 'Se déconnecter',
    'login.title': 'Connexion des modérateurs',
    'login.email': 'Courriel',
    'login.password': 'Mot de passe',
    'login.submit': 'Se connecter',
    'login.failed': 'Connexion refusée : {detail}',
    refresh: 'Recharger',
    bulk: 'Approuver la sélection',
    'import.title': 'Importer depuis OpenStreetMap',
    'import.group': 'Groupe',
    'import.file': 'Fichier GeoJSON (export Overpass)',
    'import.running': 'Import en cours : {processed} / {total}',
    'import.done':
      'Import terminé : {created} nouvelles, {confirmed} confirmées, {flagged} à vérifier, {unchanged} inchangées, {refused} refusées.',
    keys: 'Clavier : j/k se déplacer, a approuver, r rejeter, m fusionner, h historique',
    'queue.title': "File d'attente",
    'queue.empty': 'Rien à relire dans vos territoires.',
    'queue.count': '{n} signalements en attente',
    select: 'Sélectionner',
    approve: 'Approuver',
    reject: 'Rejeter',
    merge: 'Fusionner dans #{id}',
    history: 'Historique',
    revert: 'Annuler cette action',
    'reject.reason': 'Motif',
    'reject.comment': 'Commentaire',
    'reason.duplicate': 'Doublon',
    'reason.not_surveillance': "Ce n'est pas de la surveillance",
    'reason.wrong_location': 'Mauvais emplacement',
    'reason.private_information': 'Information privée',
    'reason.spam': 'Spam',
    'reason.other': 'Autre (préciser)',
    candidates: 'Caméras déjà à moins de 25 m',
    'candidates.none': 'Aucune caméra connue à moins de 25 m.',
    observed: 'vue le {date}',
    vsa: 'VSA soupçonnée',
    approved: 'Signalement #{id} approuvé.',
    rejected: 'Signalement #{id} rejeté.',
    merged: 'Signalement #{id} fusionné dans #{target}.',
    reverted: 'Action annulée.',
    'bulk.none': 'Sélectionnez au moins un signalement.',
    'bulk.done': '{n} signalements approuvés.',
    stale: "Quelqu'un d'autre a déjà agi sur ce signalement : la file est rechargée.",
    error: 'Erreur : {detail}',
  },
  en: {
    title: 'Moderation',
    logout: 'Log out',
    'login.title': 'Moderators log in',
    'login.email': 'Email',
    'login.password': 'Password',
    'login.submit': 'Log in',
    'login.failed': 'Login refused: {detail}',
    refresh: 'Reload',
    bulk: 'Approve selected',
    'import.title': 'Import from OpenStreetMap',
    'import.group': 'Group',
    'import.file': 'GeoJSON file (Overpass export)',
    'import.running': 'Importing: {processed} / {total}',
    'import.done':
      'Import done: {created} new, {confirmed} confirmed, {flagged} to review, {unchanged} unchanged, {refused} refused.',
    keys: 'Keyboard: j/k move, a approve, r reject, m merge, h history',
    'queue.title': 'Queue',
    'queue.empty': 'Nothing to review in your territories.',
    'queue.count': '{n} pending sightings',
    select: 'Select',
    approve: 'Approve',
    reject: 'Reject',
    merge: 'Merge into #{id}',
    history: 'History',
    revert: 'Revert this action',
    'reject.reason': 'Reason',
    'reject.comment': 'Comment',
    'reason.duplicate': 'Duplicate',
    'reason.not_surveillance': 'Not surveillance',
    'reason.wrong_location': 'Wrong location',
    'reason.private_information': 'Private information',
    'reason.spam': 'Spam',
    'reason.other': 'Other (say why)',
    candidates: 'Cameras already within 25 m',
    'candidates.none': 'No known camera within 25 m.',
    observed: 'seen on {date}',
    vsa: 'VSA suspected',
    approved: 'Sighting #{id} approved.',
    rejected: 'Sighting #{id} rejected.',
    merged: 'Sighting #{id} merged into #{target}.',
    reverted: 'Action reverted.',
    'bulk.none': 'Select at least one sighting.',
    'bulk.done': '{n} sightings approved.',
    stale: 'Someone else already acted on this sighting: the queue is reloaded.',
    error: 'Error: {detail}',
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

export const REJECT_REASONS = [
  'duplicate',
  'not_surveillance',
  'wrong_location',
  'private_information',
  'spam',
  'other',
];
