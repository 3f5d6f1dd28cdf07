import type { Rng } from './prng'

/**
 * Dutch text for the generated ideas and comments. The vocabulary is shaped for search:
 * a few words occur in a large share of ideas (common search terms), street names occur
 * in a few dozen each (rare terms), so both kinds of full-text query meet real postings.
 */

/** Per theme slug (THEMES in the demo content): what residents ask for, and why. */
const THEME_TEXT: Record<string, { asks: string[]; problems: string[]; places: string[] }> = {
  afval: {
    asks: [
      'Meer prullenbakken',
      'Vaker het oud papier ophalen',
      'Een ondergrondse container',
      'Zwerfafval sneller opruimen',
      'Een grotere glasbak',
      'Gratis grofvuil ophalen',
      'Een afvalbak voor hondenpoep',
      'Betere plek voor de textielcontainer',
      'Kliko vaker legen in de zomer',
      'Een milieustraat op zaterdag',
    ],
    problems: [
      'De afvalbakken zitten in het weekend altijd vol en het afval waait over straat.',
      'Bij de container ligt vaak afval naast de bak, dat trekt ratten en meeuwen aan.',
      'Veel mensen zetten hun grofvuil aan de weg omdat de milieustraat ver weg is.',
      'Na de markt ligt er elke week zwerfafval op de stoep en in de sloot.',
      'De glasbak is te klein en zit meestal al op vrijdag vol.',
      'In de zomer stinkt de groene kliko na twee weken enorm.',
    ],
    places: ['het winkelcentrum', 'de markt', 'het station', 'de speeltuin', 'de sporthal'],
  },
  'wegen-en-verkeer': {
    asks: [
      'Veiliger fietspad',
      'Een zebrapad voor de school',
      'Drempels tegen hard rijden',
      'Meer fietsenrekken',
      'Betere verlichting op het fietspad',
      'Een rotonde in plaats van het kruispunt',
      'Parkeerplaatsen voor bewoners',
      'Gat in de weg repareren',
      'Een 30-kilometerzone in de wijk',
      'Overzichtelijke oversteek voor fietsers',
      'Laadpalen voor elektrische auto’s',
      'Een vrijliggend fietspad naar de stad',
    ],
    problems: [
      'Auto’s rijden hier veel te hard, terwijl er elke dag kinderen naar school fietsen.',
      'Het fietspad is ’s avonds donker en er liggen losse tegels.',
      'Bij het station staan fietsen overal, omdat de fietsenrekken vol zijn.',
      'Op het kruispunt gaat het bijna elke week bijna mis tussen fietsers en vrachtwagens.',
      'Er zit al maanden een diep gat in de weg, fietsers moeten eromheen slingeren.',
      'Bewoners kunnen ’s avonds niet meer parkeren in hun eigen straat.',
      'Ouderen durven hier niet over te steken, het verkeer is te druk.',
    ],
    places: ['de basisschool', 'het station', 'het winkelcentrum', 'de sporthal', 'het gezondheidscentrum'],
  },
  groen: {
    asks: [
      'Meer bankjes in het park',
      'Nieuwe bomen planten',
      'Een speeltuin voor kleine kinderen',
      'Bloemrijke bermen voor bijen',
      'Het gras vaker maaien',
      'Een hondenlosloopgebied',
      'Een moestuin voor de buurt',
      'Een wandelpad langs het water',
      'Speeltoestellen vervangen',
      'Een pluktuin bij de school',
    ],
    problems: [
      'In het park zijn bijna geen bankjes, ouderen kunnen nergens even uitrusten.',
      'De oude bomen zijn gekapt en er is nooit iets nieuws teruggeplant.',
      'De speeltoestellen zijn kapot en kinderen spelen nu op straat.',
      'De bermen worden zo vaak gemaaid dat er geen bloemen en bijen meer zijn.',
      'Honden lopen los in het park waar kinderen spelen.',
      'Het groen in de wijk ziet er verwaarloosd uit.',
    ],
    places: ['het park', 'de speeltuin', 'het dorpsplein', 'de vijver', 'de begraafplaats'],
  },
  dienstverlening: {
    asks: [
      'Langere openingstijden van het gemeentehuis',
      'Afspraak maken via de website',
      'Brieven in eenvoudige taal',
      'Een balie in het dorp',
      'Sneller antwoord op e-mail',
      'Paspoort thuis laten bezorgen',
      'Een spreekuur op zaterdag',
      'Hulp bij digitale formulieren',
      'Terugbellen in plaats van wachten',
    ],
    problems: [
      'Wie werkt kan nooit naar het gemeentehuis, want het is alleen overdag open.',
      'De brieven van de gemeente zijn moeilijk te begrijpen, ook voor mij.',
      'Ik wacht al weken op antwoord op mijn e-mail aan de gemeente.',
      'Voor ouderen is het digitale formulier te ingewikkeld.',
      'Aan de telefoon wacht je vaak een half uur.',
    ],
    places: ['het gemeentehuis', 'de bibliotheek', 'het dorpshuis', 'het servicepunt'],
  },
  'zorg-en-welzijn': {
    asks: [
      'Een ontmoetingsplek voor ouderen',
      'Een jongerencentrum',
      'Hulp bij eenzaamheid',
      'Een buurtkamer in de wijk',
      'Vervoer naar het ziekenhuis',
      'Een maatjesproject voor nieuwe inwoners',
      'Meer activiteiten voor kinderen in de vakantie',
      'Een inloop voor mantelzorgers',
      'Een warme maaltijd voor alleenstaande ouderen',
    ],
    problems: [
      'Veel ouderen in het dorp zitten alleen thuis en zien bijna niemand.',
      'Jongeren hangen op straat omdat er geen plek voor ze is.',
      'Mantelzorgers weten vaak niet waar ze hulp kunnen krijgen.',
      'Zonder auto kom je bijna niet bij het ziekenhuis in de stad.',
      'Kinderen vervelen zich in de zomervakantie.',
    ],
    places: ['het dorpshuis', 'de kerk', 'het wijkcentrum', 'de bibliotheek', 'het gezondheidscentrum'],
  },
  ondernemen: {
    asks: [
      'Sneller een vergunning',
      'Gratis parkeren bij de winkels',
      'Een ondernemersloket',
      'Glasvezel op het bedrijventerrein',
      'Een weekmarkt in het dorp',
      'Minder regels voor terrassen',
      'Leegstaande winkels opknappen',
      'Betere bewegwijzering naar het bedrijventerrein',
      'Een koopzondag in december',
    ],
    problems: [
      'Een vergunning aanvragen duurt maanden en kost ondernemers veel geld.',
      'In het winkelcentrum staan steeds meer panden leeg.',
      'Klanten kunnen niet parkeren en gaan naar de stad.',
      'Het internet op het bedrijventerrein is te traag voor ons werk.',
      'Vrachtwagens vinden de weg naar het bedrijventerrein niet.',
    ],
    places: ['het winkelcentrum', 'het bedrijventerrein', 'de markt', 'het centrum'],
  },
  'sport-en-cultuur': {
    asks: [
      'Een skatebaan',
      'Een openluchtpodium',
      'Langer open zwembad in de zomer',
      'Een trapveldje met goals',
      'Meer voorstellingen in het dorpshuis',
      'Een beweegtuin voor ouderen',
      'Verlichting op de sportvelden',
      'Een kunstroute door het dorp',
      'Een zomerfestival',
    ],
    problems: [
      'Kinderen en jongeren kunnen nergens sporten buiten de vereniging.',
      'Het zwembad gaat al dicht als het nog lang mooi weer is.',
      'Voor cultuur moeten we altijd naar Groningen.',
      'De sportvelden zijn in de winter na vijf uur te donker.',
      'Er is geen plek voor muziek en toneel van de eigen vereniging.',
    ],
    places: ['het sportpark', 'het zwembad', 'het dorpshuis', 'de school', 'het dorpsplein'],
  },
}

const SUGGESTIONS = [
  'Mijn voorstel is om dit eerst een jaar te proberen en daarna te kijken of het werkt.',
  'Kan de gemeente samen met de bewoners kijken wat hier mogelijk is?',
  'Andere gemeenten doen dit al, dus het moet hier ook kunnen.',
  'Ik denk dat het niet veel geld kost en veel mensen blij maakt.',
  'Buurtbewoners willen graag meehelpen, bijvoorbeeld met een werkgroep.',
  'Het liefst zou ik zien dat dit voor de zomer geregeld is.',
  'Veel kinderen en ouderen in de buurt hebben hier last van.',
  'Graag hoor ik wat de gemeente ervan vindt.',
]

const CLOSINGS = [
  'Alvast bedankt!',
  'Wie steunt dit idee?',
  'Stem als u het met mij eens bent.',
  'Ik hoop dat de gemeente hier iets mee doet.',
  'Laten we er samen iets moois van maken.',
  '',
  '',
]

const STREET_STEMS = [
  'Kerk',
  'Molen',
  'School',
  'Dorps',
  'Beuken',
  'Eiken',
  'Linden',
  'Wilgen',
  'Berken',
  'Esdoorn',
  'Kastanje',
  'Meidoorn',
  'Vlier',
  'Hazelaar',
  'Tulpen',
  'Rozen',
  'Narcissen',
  'Lelie',
  'Krokus',
  'Zonne',
  'Sterren',
  'Noorder',
  'Zuider',
  'Ooster',
  'Wester',
  'Hoofd',
  'Boeren',
  'Vaart',
  'Diep',
  'Kanaal',
  'Polder',
  'Veen',
  'Turf',
  'Zand',
  'Klei',
  'Wierde',
  'Borg',
  'Heerd',
  'Hamrik',
  'Spoor',
  'Stations',
  'Haven',
  'Sluis',
  'Brug',
  'Wind',
  'Weide',
  'Akker',
  'Koren',
  'Tarwe',
  'Rogge',
  'Haver',
  'Vlas',
  'Kievit',
  'Merel',
  'Zwaluw',
  'Leeuwerik',
  'Reiger',
  'Fazant',
  'Patrijs',
  'Grutto',
]

const STREET_SUFFIXES = ['straat', 'weg', 'laan', 'pad', 'plein', 'dijk', 'singel', 'hof', 'kade', 'dreef', 'steeg']

/** 660 street names: each appears in a few dozen of 100,000 ideas, good rare search terms. */
export const STREETS: readonly string[] = STREET_STEMS.flatMap((stem) => STREET_SUFFIXES.map((s) => `${stem}${s}`))

/** Words many ideas contain (prefix search, as the app queries): measured at build time. */
export const COMMON_TERMS = ['fiets', 'kinderen', 'gemeente', 'park', 'ouderen', 'winkelcentrum', 'school', 'afval']

const FIRST_NAMES = [
  'Anna',
  'Bram',
  'Carla',
  'Daan',
  'Eva',
  'Frank',
  'Gerda',
  'Hans',
  'Ilse',
  'Jan',
  'Karin',
  'Lars',
  'Marieke',
  'Niels',
  'Olga',
  'Peter',
  'Roos',
  'Sander',
  'Tineke',
  'Usha',
  'Vincent',
  'Wendy',
  'Yusuf',
  'Zoë',
  'Albert',
  'Bea',
  'Cor',
  'Dina',
  'Egbert',
  'Fenna',
  'Geert',
  'Hennie',
  'Jelle',
  'Klaasje',
  'Lieke',
  'Mohammed',
  'Noor',
  'Otto',
  'Pien',
  'Rik',
  'Sietske',
  'Thijs',
  'Wietske',
  'Aisha',
  'Bouke',
  'Fatma',
  'Harm',
  'Jantje',
]

const LAST_NAMES = [
  'de Vries',
  'Bakker',
  'Jansen',
  'Smit',
  'Mulder',
  'de Boer',
  'Visser',
  'Dijkstra',
  'Bos',
  'Hoekstra',
  'Kuipers',
  'Veenstra',
  'Wiersma',
  'Post',
  'Meijer',
  'Brouwer',
  'Hofman',
  'Koster',
  'Huizinga',
  'Zijlstra',
  'Schuurman',
  'Kramer',
  'van Dijk',
  'Oosterhof',
  'Tuinstra',
  'Bosma',
  'Kamminga',
  'Wijk',
  'Haan',
  'Boersma',
  'Pot',
  'Nijboer',
  'Yilmaz',
  'El Amrani',
]

const BUSINESS = [
  'Bakkerij',
  'Kapsalon',
  'Garage',
  'Fietsenzaak',
  'Installatiebedrijf',
  'Café',
  'Boerderij',
  'Drukkerij',
]
const ORGANISATION = ['Dorpsbelangen', 'Stichting', 'Vereniging', 'Buurtvereniging', 'Sportclub', 'Oranjecomité']

export function personName(rng: Rng, group: string | null, place: string): string {
  if (group === 'entrepreneur' && rng.chance(0.6)) return `${rng.pick(BUSINESS)} ${rng.pick(LAST_NAMES)}`
  if (group === 'organisation' && rng.chance(0.7)) return `${rng.pick(ORGANISATION)} ${place}`
  return `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`
}

const THEME_SLUGS = Object.keys(THEME_TEXT)

function themeText(slug: string) {
  const text = THEME_TEXT[slug] ?? THEME_TEXT[THEME_SLUGS[0] ?? 'afval']
  if (!text) throw new Error(`no text for theme ${slug}`)
  return text
}

export type IdeaText = { title: string; body: string }

export function ideaText(rng: Rng, themeSlug: string, district: string | null): IdeaText {
  const t = themeText(themeSlug)
  const street = rng.chance(0.45) ? rng.pick(STREETS) : null
  const where = street ? `aan de ${street}` : `bij ${rng.pick(t.places)}`
  const title = `${rng.pick(t.asks)} ${where}${district && rng.chance(0.5) ? ` in ${district}` : ''}`
  const sentences = [rng.pick(t.problems)]
  if (rng.chance(0.6)) sentences.push(rng.pick(t.problems))
  sentences.push(rng.pick(SUGGESTIONS))
  const paragraphs = [sentences.join(' ')]
  const second = [
    street && rng.chance(0.5) ? `Het gaat vooral om het stuk bij ${rng.pick(t.places)} aan de ${street}.` : '',
    rng.pick(CLOSINGS),
  ]
    .filter(Boolean)
    .join(' ')
  if (second) paragraphs.push(second)
  return { title, body: paragraphs.join('\n\n') }
}

const COMMENTS = [
  'Helemaal mee eens, dit is al jaren een probleem.',
  'Goed idee! Ik woon hier ook en zie het elke dag.',
  'Ik twijfel, want wie gaat dit betalen?',
  'Bij ons in de straat is het precies hetzelfde.',
  'Misschien kan de school hier ook aan meedoen.',
  'Dit zou ook goed zijn voor de kinderen in de buurt.',
  'Ik help graag mee als er een werkgroep komt.',
  'Is dit niet al eens eerder gevraagd?',
  'Eindelijk zegt iemand het. Ik stem voor.',
  'Voor ouderen is dit echt belangrijk.',
  'Ik heb er vorig jaar al een melding over gedaan.',
  'Liever eerst het bestaande goed onderhouden.',
  'In de zomer is het nog erger.',
  'Mooi voorstel, hopelijk pakt de gemeente het snel op.',
]

const REPLIES = [
  'Dat klopt, dat heb ik ook gemerkt.',
  'Daar ben ik het niet mee eens.',
  'Goed punt, daar had ik niet aan gedacht.',
  'Dank voor de uitleg!',
  'Zullen we samen een brief schrijven?',
  'Dat is bij ons ook zo.',
]

const OFFICIAL = [
  'Dank voor uw idee. We bekijken of dit past in de plannen voor volgend jaar. We laten het hier weten.',
  'Goed dat u dit meldt. Een collega komt binnenkort kijken en daarna hoort u van ons.',
  'We hebben uw idee besproken met het team. We nemen het mee in de begroting.',
  'Dit is een taak van een andere organisatie. We hebben uw idee aan hen doorgestuurd.',
]

export function commentText(rng: Rng, kind: 'comment' | 'reply' | 'official'): string {
  if (kind === 'official') return rng.pick(OFFICIAL)
  if (kind === 'reply') return rng.pick(REPLIES)
  return rng.chance(0.4) ? `${rng.pick(COMMENTS)} ${rng.pick(COMMENTS)}` : rng.pick(COMMENTS)
}

export const STATUS_EXPLANATIONS: Record<string, readonly string[]> = {
  under_review: [
    'We bekijken dit idee. Binnen een maand hoort u wat we ermee gaan doen.',
    'Een collega van het team gaat dit idee uitzoeken. We houden u op de hoogte.',
  ],
  planned: [
    'We gaan dit doen. Het staat in de planning voor de komende maanden.',
    'Het idee past in ons plan voor de wijk. We beginnen na de zomer.',
  ],
  in_progress: ['We zijn begonnen met het werk. Het duurt ongeveer zes weken.', 'De aannemer is aan de slag gegaan.'],
  done: ['Het werk is klaar. Dank voor uw idee en uw steun!', 'Het is gerealiseerd. Laat ons weten wat u ervan vindt.'],
  declined: [
    'We doen dit niet. Het past niet binnen het budget van dit jaar.',
    'Dit is geen taak van de gemeente. We hebben het doorgestuurd.',
    'Na onderzoek blijkt dit niet veilig genoeg. Daarom doen we het niet.',
  ],
  merged: ['Dit idee lijkt veel op een ander idee. We hebben ze samengevoegd, stem en reageer daar verder.'],
}

export const REFERRED_TO = ['Provincie Groningen', 'Waterschap Hunze en Aa’s', 'ProRail', 'Woningcorporatie Lefier']

export const CLOSURE_WHAT_CHANGED = [
  'Er staan nu nieuwe bankjes en prullenbakken.',
  'Het fietspad is verbreed en heeft nieuwe verlichting.',
  'De container wordt nu twee keer per week geleegd.',
  'Er is een nieuwe oversteekplaats met een zebrapad.',
]

/** The same HTML the app's markdown renderer gives for these plain paragraphs (checked at build). */
export function paragraphsHtml(text: string): string {
  return text
    .split('\n\n')
    .map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</p>`)
    .join('\n')
}
