// The look-alike guide: what each kind of camera looks like from the pavement, what is taken for one,
// and what to choose in the add form. `form` names the form's own fields and values (DESIGN.md), which
// the page shows in the form's words (i18n); `add: false` means it is no surveillance camera.

export const ENTRIES = [
  {
    id: 'fixed',
    form: { surveillanceType: 'camera', cameraType: 'fixed', mount: 'wall' },
    fr: {
      title: 'Caméra fixe (tube ou boîtier)',
      look: [
        'Un tube ou une boîte allongée, l’objectif au bout, sur un bras fixé au mur ou à un mât.',
        'Elle regarde toujours dans la même direction : donnez cette direction dans le formulaire.',
        'Souvent une visière au-dessus de l’objectif, parfois des LED infrarouges autour (rougeâtres la nuit).',
      ],
      confuse: 'Avec un lecteur de plaques : celui-ci vise une voie de circulation à hauteur de plaque.',
    },
    en: {
      title: 'Fixed camera (bullet or box)',
      look: [
        'A tube or an elongated box, the lens at one end, on an arm fixed to a wall or a pole.',
        'It always looks the same way: give that direction in the form.',
        'Often a hood above the lens, sometimes infrared LEDs around it (reddish at night).',
      ],
      confuse: 'With a plate reader: that one aims at a traffic lane, at the height of plates.',
    },
  },
  {
    id: 'dome',
    form: { surveillanceType: 'camera', cameraType: 'dome', mount: 'ceiling' },
    fr: {
      title: 'Dôme',
      look: [
        'Une demi-sphère de plastique fumé, sous un plafond, un auvent ou au bout d’une potence.',
        'On ne voit pas où elle regarde : c’est voulu. Ne donnez pas de direction si vous ne la voyez pas.',
        'Petits dômes (10 à 15 cm) dans les commerces et halls ; plus gros sur la voie publique.',
      ],
      confuse:
        'Avec un détecteur de mouvement : un dôme a un objectif sombre derrière la coque, un détecteur une lentille blanche à facettes.',
    },
    en: {
      title: 'Dome',
      look: [
        'A half sphere of smoked plastic, under a ceiling, a canopy or at the end of a bracket.',
        'You cannot see where it looks: that is the point. Give no direction if you cannot see it.',
        'Small domes (10 to 15 cm) in shops and halls; larger ones on public streets.',
      ],
      confuse: 'With a motion sensor: a dome has a dark lens behind its shell, a sensor a white faceted lens.',
    },
  },
  {
    id: 'panning',
    form: { surveillanceType: 'camera', cameraType: 'panning', mount: 'pole', zone: 'town' },
    fr: {
      title: 'Tourelle orientable (PTZ)',
      look: [
        'Une grosse boule ou un boîtier sur moteur, souvent au sommet d’un mât ou en angle de bâtiment, au-dessus d’une place.',
        'Elle tourne, lève et baisse l’objectif, zoome : un opérateur la pilote depuis un centre de supervision.',
        'Typique de la vidéosurveillance municipale ; souvent un panneau « espace vidéoprotégé » non loin.',
      ],
      confuse: 'Avec un dôme fixe : si vous la voyez bouger ou si elle est très grosse, choisissez « Orientable ».',
    },
    en: {
      title: 'Pan-tilt-zoom turret (PTZ)',
      look: [
        'A large ball or a motorised housing, often at the top of a pole or on a building’s corner, above a square.',
        'It turns, tilts and zooms: an operator steers it from a control room.',
        'Typical of municipal video surveillance; often a “video-protected area” sign nearby.',
      ],
      confuse: 'With a fixed dome: if you see it move or it is very large, choose “Panning”.',
    },
  },
  {
    id: 'alpr',
    form: { surveillanceType: 'alpr', cameraType: 'fixed', zone: 'traffic', mount: 'pole' },
    fr: {
      title: 'Lecteur de plaques (LAPI)',
      look: [
        'Un boîtier rectangulaire avec une couronne de LED infrarouges, visant une voie à hauteur de plaque, souvent par paire (une par voie).',
        'Aux entrées de ville, de parking, de péage, sur un portique ou un mât ; parfois avec un petit panneau solaire.',
        'Pas de flash, pas de feu tricolore à côté : il lit toutes les plaques, pas seulement les infractions.',
      ],
      confuse:
        'Avec un radar ou une caméra de feu rouge (voir plus bas), qui ne photographient qu’en cas d’infraction.',
    },
    en: {
      title: 'Plate reader (ALPR, ANPR)',
      look: [
        'A rectangular box with a ring of infrared LEDs, aimed at a lane at the height of plates, often in pairs (one per lane).',
        'At town, car park and toll entrances, on a gantry or a pole; sometimes with a small solar panel.',
        'No flash, no traffic light next to it: it reads every plate, not only offences.',
      ],
      confuse: 'With a speed or red-light camera (below), which only take pictures of offences.',
    },
  },
  {
    id: 'speed',
    lookAlike: true,
    form: { surveillanceType: 'other', zone: 'traffic', mount: 'pole' },
    fr: {
      title: 'Radar de vitesse',
      look: [
        'Une grande cabine grise ou une borne sur le bord de la route, avec une vitre pour l’appareil et une pour le flash.',
        'Un panneau « contrôle radar » la précède souvent.',
      ],
      confuse: 'Ce n’est pas une caméra de surveillance au sens de la carte (OpenStreetMap : highway=speed_camera).',
      choose:
        'Ne l’ajoutez pas comme caméra. Si une vraie caméra y est fixée, ajoutez celle-ci ; en cas de doute, « Autre » avec « radar » en remarque.',
    },
    en: {
      title: 'Speed camera',
      look: [
        'A large grey cabinet or a post at the roadside, with one window for the camera and one for the flash.',
        'A “speed check” sign often comes before it.',
      ],
      confuse: 'Not a surveillance camera as this map means it (OpenStreetMap: highway=speed_camera).',
      choose:
        'Do not add it as a camera. If a real camera is fixed to it, add that one; when unsure, “Other” with “speed camera” in the notes.',
    },
  },
  {
    id: 'redlight',
    lookAlike: true,
    form: { surveillanceType: 'other', zone: 'traffic', mount: 'traffic_signals' },
    fr: {
      title: 'Caméra de feu rouge',
      look: [
        'Un boîtier sur le mât d’un feu tricolore ou juste après, visant la ligne d’arrêt, avec un flash.',
        'Souvent annoncé par un panneau ; elle photographie les véhicules qui passent au rouge.',
      ],
      confuse:
        'C’est elle qu’on prend le plus souvent pour un lecteur de plaques. Un lecteur de plaques n’a pas besoin de feu ni de flash.',
      choose:
        'Qu’elle surveille aussi ou non, mettez « Autre », fixée sur « Feu de circulation », et « feu rouge » en remarque : un modérateur tranchera.',
    },
    en: {
      title: 'Red-light camera',
      look: [
        'A box on a traffic light’s mast or just after it, aimed at the stop line, with a flash.',
        'Often announced by a sign; it photographs vehicles running the red light.',
      ],
      confuse: 'The one most often taken for a plate reader. A plate reader needs no light and no flash.',
      choose: 'Choose “Other”, mounted on “Traffic signals”, with “red light” in the notes: a moderator will decide.',
    },
  },
  {
    id: 'counter',
    lookAlike: true,
    form: null,
    fr: {
      title: 'Compteur ou détecteur de circulation',
      look: [
        'Un petit boîtier sans objectif visible (radar, infrarouge) en haut d’un feu, qui détecte les véhicules pour régler le feu.',
        'Des tubes en caoutchouc en travers de la chaussée, reliés à un coffret : un comptage temporaire.',
        'Certaines caméras thermiques de carrefour ne servent qu’à détecter : on ne peut pas le savoir d’en bas.',
      ],
      confuse: 'Avec une petite caméra fixe sur un feu.',
      choose:
        'Sans objectif, ne l’ajoutez pas. Avec un objectif, ajoutez-la comme caméra fixe sur « Feu de circulation » et dites votre doute en remarque.',
    },
    en: {
      title: 'Traffic counter or detector',
      look: [
        'A small box with no visible lens (radar, infrared) on top of a traffic light, sensing vehicles to time the light.',
        'Rubber tubes across the road, wired to a case: a temporary count.',
        'Some thermal cameras at junctions only detect: you cannot tell from below.',
      ],
      confuse: 'With a small fixed camera on a traffic light.',
      choose:
        'With no lens, do not add it. With a lens, add it as a fixed camera on “Traffic signals” and say you are unsure in the notes.',
    },
  },
  {
    id: 'pir',
    lookAlike: true,
    form: null,
    fr: {
      title: 'Détecteur de mouvement (alarme, éclairage)',
      look: [
        'Un boîtier blanc ou beige, souvent dans un angle de mur ou de plafond, avec une lentille blanche laiteuse à facettes.',
        'Une petite LED s’allume quand on passe. Aucun objectif sombre.',
        'Dehors, souvent sous un projecteur qui s’allume au passage.',
      ],
      confuse: 'Avec un petit dôme ou une caméra fixe.',
      choose: 'Ne l’ajoutez pas : il ne filme pas.',
    },
    en: {
      title: 'Motion sensor (alarm, lighting)',
      look: [
        'A white or beige box, often in the corner of a wall or ceiling, with a milky white faceted lens.',
        'A small LED lights up as you pass. No dark lens.',
        'Outdoors, often under a floodlight that turns on as you pass.',
      ],
      confuse: 'With a small dome or a fixed camera.',
      choose: 'Do not add it: it films nothing.',
    },
  },
  {
    id: 'doorbell',
    lookAlike: true,
    form: {
      surveillanceType: 'camera',
      cameraType: 'fixed',
      mount: 'wall',
      zone: 'entrance',
      operatorType: 'private',
    },
    fr: {
      title: 'Sonnette vidéo',
      look: [
        'Un boîtier vertical à côté d’une porte, avec un bouton rond et un petit objectif au-dessus.',
        'Elle filme qui sonne, et souvent le trottoir et la rue en face.',
      ],
      confuse: 'Avec un interphone sans caméra : cherchez l’objectif.',
      choose: 'Ajoutez-la si elle voit la rue. Ne photographiez ni la porte ni les habitants : la position suffit.',
    },
    en: {
      title: 'Doorbell camera',
      look: [
        'An upright box beside a door, with a round button and a small lens above it.',
        'It films whoever rings, and often the pavement and the street opposite.',
      ],
      confuse: 'With an intercom without a camera: look for the lens.',
      choose: 'Add it if it sees the street. Photograph neither the door nor the residents: the position is enough.',
    },
  },
];

export const PAGE = {
  fr: {
    title: 'Reconnaître une caméra',
    intro:
      'Ce qu’on voit depuis le trottoir, ce qu’on prend pour une caméra, et quoi choisir dans le formulaire « Ajouter une caméra ». Ce guide marche aussi sans réseau.',
    cameras: 'Les caméras',
    lookAlikes: 'Ce qu’on prend pour une caméra',
    look: 'À quoi la reconnaître',
    confuse: 'À ne pas confondre',
    choose: 'Dans le formulaire',
    notAdded: 'Ne l’ajoutez pas comme caméra.',
    back: 'Retour à la carte',
    contents: 'Sommaire',
    drawing: 'Dessin : {title}',
    unsure:
      'Toujours un doute ? Choisissez « Je ne sais pas » pour la forme, prenez une photo et décrivez ce que vous voyez en remarque : les modérateurs corrigeront.',
  },
  en: {
    title: 'Telling cameras apart',
    intro:
      'What you see from the pavement, what is taken for a camera, and what to choose in the “Add a camera” form. This guide works offline too.',
    cameras: 'Cameras',
    lookAlikes: 'What is taken for a camera',
    look: 'How to recognise it',
    confuse: 'Not to be confused with',
    choose: 'In the form',
    notAdded: 'Do not add it as a camera.',
    back: 'Back to the map',
    contents: 'Contents',
    drawing: 'Drawing: {title}',
    unsure:
      'Still unsure? Choose “I don’t know” for the shape, take a photo and describe what you see in the notes: the moderators will correct it.',
  },
};

/** What to choose, in the form’s own words: "Que surveille-t-elle ? — Lecture de plaques". */
export function formChoices(form, translate) {
  return Object.entries(form).map(
    ([field, value]) => `${translate(`${field}.label`)} — ${translate(`${field}.${value}`)}`,
  );
}
