import type { Channel, DeclineReason, IdeaStatus, TargetGroup } from '@meedenken/shared'

/** Demo data for Midden-Groningen: what a first visitor of the demo sees. */

export const DEMO_PASSWORD = 'meedenken-demo'

export const DEPARTMENTS = [
  { slug: 'afval-en-reiniging', name: 'Afval en Reiniging', nameEn: 'Waste and Cleaning' },
  { slug: 'verkeer-en-vervoer', name: 'Verkeer en Vervoer', nameEn: 'Traffic and Transport' },
  { slug: 'beheer-openbare-ruimte', name: 'Beheer Openbare Ruimte', nameEn: 'Public Space Management' },
  { slug: 'klantcontact', name: 'Klantcontact en Dienstverlening', nameEn: 'Customer Contact and Services' },
  { slug: 'sociaal-domein', name: 'Sociaal Domein', nameEn: 'Social Services' },
  { slug: 'economische-zaken', name: 'Economische Zaken', nameEn: 'Economic Affairs' },
  { slug: 'sport-en-cultuur', name: 'Sport en Cultuur', nameEn: 'Sport and Culture' },
] as const

type DepartmentSlug = (typeof DEPARTMENTS)[number]['slug']

export const THEMES: {
  slug: string
  name: string
  nameEn: string
  description: string
  department: DepartmentSlug
}[] = [
  {
    slug: 'afval',
    name: 'Afval',
    nameEn: 'Waste',
    description: 'Ophalen van afval, containers, prullenbakken en zwerfafval.',
    department: 'afval-en-reiniging',
  },
  {
    slug: 'wegen-en-verkeer',
    name: 'Wegen en verkeer',
    nameEn: 'Roads and traffic',
    description: 'Wegen, fietspaden, oversteken, parkeren en verkeersveiligheid.',
    department: 'verkeer-en-vervoer',
  },
  {
    slug: 'groen',
    name: 'Groen',
    nameEn: 'Green spaces',
    description: 'Parken, bermen, bomen, speelplekken en bankjes.',
    department: 'beheer-openbare-ruimte',
  },
  {
    slug: 'dienstverlening',
    name: 'Dienstverlening',
    nameEn: 'Public services',
    description: 'Contact met de gemeente, balie, telefoon, website en brieven.',
    department: 'klantcontact',
  },
  {
    slug: 'zorg-en-welzijn',
    name: 'Zorg en welzijn',
    nameEn: 'Care and wellbeing',
    description: 'Hulp, ontmoeting, eenzaamheid, jeugd en ouderen.',
    department: 'sociaal-domein',
  },
  {
    slug: 'ondernemen',
    name: 'Ondernemen',
    nameEn: 'Business',
    description: 'Vergunningen, bedrijventerreinen, winkelcentra en werk.',
    department: 'economische-zaken',
  },
  {
    slug: 'sport-en-cultuur',
    name: 'Sport en cultuur',
    nameEn: 'Sport and culture',
    description: 'Sportvelden, verenigingen, bibliotheek, evenementen en cultuur.',
    department: 'sport-en-cultuur',
  },
]

export const DISTRICTS = [
  'Hoogezand',
  'Sappemeer',
  'Slochteren',
  'Siddeburen',
  'Zuidbroek',
  'Muntendam',
  'Kolham',
  'Harkstede',
  'Meeden',
  'Noordbroek',
  'Foxhol',
  'Kropswolde',
  'Westerbroek',
  'Schildwolde',
  'Hellum',
  'Froombosch',
  'Tjuchem',
  'Steendam',
  'Overschild',
  'Martenshoek',
  'Kiel-Windeweer',
  'Waterhuizen',
]

export const STAFF_ACCOUNTS = [
  {
    email: 'medewerker@midden-groningen.example',
    displayName: 'Femke de Vries (gemeente)',
    role: 'staff' as const,
    department: 'verkeer-en-vervoer' as const,
  },
  {
    email: 'beheerder@midden-groningen.example',
    displayName: 'Jan Bakker (beheer)',
    role: 'admin' as const,
    department: 'klantcontact' as const,
  },
]

export const DEMO_RESIDENT = {
  email: 'inwoner@midden-groningen.example',
  displayName: 'Anouk uit Sappemeer',
  targetGroup: 'resident' as const,
  district: 'Sappemeer',
}

/** People who wrote, voted and commented in the demo. They have no password. */
export const DEMO_MEMBERS: { name: string; group: TargetGroup; district: string | null }[] = [
  { name: 'Henk Mulder', group: 'resident', district: 'Hoogezand' },
  { name: 'Sanne Post', group: 'resident', district: 'Siddeburen' },
  { name: 'Gerrit Smit', group: 'resident', district: 'Zuidbroek' },
  { name: 'Fatima El Amrani', group: 'resident', district: 'Hoogezand' },
  { name: 'Bakkerij Van Dijk', group: 'entrepreneur', district: 'Sappemeer' },
  { name: 'Dorpsbelangen Harkstede', group: 'organisation', district: 'Harkstede' },
  { name: 'Wim Hoekstra', group: 'resident', district: 'Harkstede' },
  { name: 'Ingrid Veenstra', group: 'resident', district: 'Slochteren' },
  { name: 'Tom Boer', group: 'resident', district: 'Muntendam' },
  { name: 'Lotte Kuipers', group: 'resident', district: 'Meeden' },
  { name: 'Installatiebedrijf Dijkstra', group: 'entrepreneur', district: 'Kolham' },
  { name: 'Stichting Welzijn Meeden', group: 'organisation', district: 'Meeden' },
  { name: 'Pieter Jansen', group: 'resident', district: 'Kropswolde' },
  { name: 'Marleen Wiersma', group: 'resident', district: 'Noordbroek' },
  { name: 'Kees Bos', group: 'resident', district: 'Foxhol' },
  { name: 'Yvonne Meijer', group: 'resident', district: null },
  { name: 'Fietsenzaak Kramer', group: 'entrepreneur', district: 'Zuidbroek' },
  { name: 'Sportclub Sappemeer', group: 'organisation', district: 'Sappemeer' },
  { name: 'Ahmet Yilmaz', group: 'entrepreneur', district: 'Hoogezand' },
  { name: 'Annie de Groot', group: 'resident', district: 'Slochteren' },
  { name: 'Ruben Visser', group: 'resident', district: 'Westerbroek' },
  { name: 'Els Brouwer', group: 'resident', district: 'Schildwolde' },
  { name: 'Jeroen Hofman', group: 'resident', district: 'Sappemeer' },
  { name: 'Natasja Koster', group: 'resident', district: 'Hoogezand' },
]

export type DemoStep = {
  to: IdeaStatus
  daysAfterCreation: number
  explanation: string
  declineReason?: DeclineReason
  referredTo?: string
  closure?: { whatChanged: string; since: string; team: string; link?: string }
}

export type DemoComment = {
  by: string
  daysAfterCreation: number
  body: string
  official?: boolean
  replies?: { by: string; daysAfterCreation: number; body: string }[]
}

export type DemoIdea = {
  key: string
  title: string
  body: string
  theme: string
  district: string | null
  targetGroups: TargetGroup[]
  author: string
  channel?: Channel
  daysAgo: number
  votes: number
  steps: DemoStep[]
  comments: DemoComment[]
  mergedInto?: string
  /** Assigned to the demo civil servant, so "my ideas" is not empty in the demo. */
  assignedToStaff?: boolean
}

/** "staff" in `by` means the demo civil servant. */
export const DEMO_IDEAS: DemoIdea[] = [
  {
    key: 'afvalbakken-winschoterdiep',
    title: 'Meer afvalbakken langs het Winschoterdiep',
    body:
      'Langs het wandelpad aan het Winschoterdiep in Hoogezand staan maar twee afvalbakken. ' +
      'In de zomer ligt er veel zwerfafval, vooral bij de bankjes.\n\n' +
      'Mijn voorstel:\n\n- zet elke 200 meter een afvalbak\n- leeg ze in de zomer twee keer per week',
    theme: 'afval',
    district: 'Hoogezand',
    targetGroups: ['resident'],
    author: 'Henk Mulder',
    daysAgo: 64,
    votes: 18,
    steps: [
      {
        to: 'under_review',
        daysAfterCreation: 4,
        explanation: 'Bedankt voor uw idee. Onze collega van Afval en Reiniging gaat het pad bekijken.',
      },
      {
        to: 'planned',
        daysAfterCreation: 19,
        explanation:
          'We hebben het pad bekeken. U hebt gelijk: er zijn te weinig afvalbakken. We plaatsen in het voorjaar zes nieuwe bakken.',
      },
    ],
    comments: [
      {
        by: 'Natasja Koster',
        daysAfterCreation: 2,
        body: 'Goed idee! Bij de brug is het ook vaak een rommeltje.',
        replies: [{ by: 'Henk Mulder', daysAfterCreation: 3, body: 'Ja, daar zou ook een bak moeten komen.' }],
      },
      {
        by: 'staff',
        daysAfterCreation: 19,
        official: true,
        body:
          'We plaatsen in maart zes nieuwe afvalbakken langs het pad, ook bij de brug. ' +
          'In de zomer legen we ze twee keer per week.',
      },
    ],
  },
  {
    key: 'prullenbakken-kalkwijk',
    title: 'Extra prullenbakken bij de Kalkwijk',
    body: 'Bij de Kalkwijk langs het water ligt veel afval. Kunnen daar prullenbakken bij? Dan blijft het schoner.',
    theme: 'afval',
    district: 'Hoogezand',
    targetGroups: ['resident'],
    author: 'Fatima El Amrani',
    daysAgo: 60,
    votes: 5,
    steps: [],
    comments: [],
    mergedInto: 'afvalbakken-winschoterdiep',
  },
  {
    key: 'oud-papier-siddeburen',
    title: 'Oud papier vaker ophalen in Siddeburen',
    body:
      'De container voor oud papier is na twee weken al vol, zeker na de feestdagen. ' +
      'Kan het papier in Siddeburen elke twee weken worden opgehaald in plaats van elke vier weken?',
    theme: 'afval',
    district: 'Siddeburen',
    targetGroups: ['resident'],
    author: 'Sanne Post',
    daysAgo: 140,
    votes: 31,
    steps: [
      {
        to: 'under_review',
        daysAfterCreation: 3,
        explanation: 'We kijken hoe vol de containers zijn en wat vaker ophalen kost.',
      },
      {
        to: 'planned',
        daysAfterCreation: 21,
        explanation: 'We halen het oud papier vaker op. We passen eerst de afvalkalender aan.',
      },
      {
        to: 'done',
        daysAfterCreation: 70,
        explanation: 'Het oud papier wordt nu elke twee weken opgehaald in Siddeburen.',
        closure: {
          whatChanged: 'Oud papier wordt in Siddeburen elke twee weken opgehaald, niet meer elke vier weken.',
          since: '2026-09-01',
          team: 'Afval en Reiniging',
          link: 'https://www.midden-groningen.nl',
        },
      },
    ],
    comments: [
      {
        by: 'Els Brouwer',
        daysAfterCreation: 5,
        body: 'In Schildwolde hebben we hetzelfde probleem.',
      },
      {
        by: 'staff',
        daysAfterCreation: 70,
        official: true,
        body:
          'Vanaf 1 september halen we het oud papier elke twee weken op. ' +
          'U ziet de nieuwe data in de **afvalapp** en op de afvalkalender.',
      },
    ],
  },
  {
    key: 'oversteken-zuidbroek',
    title: 'Veiliger oversteken bij de basisschool in Zuidbroek',
    body:
      'Elke ochtend steken veel kinderen de Hoofdstraat over naar school. Auto’s rijden daar hard. ' +
      'Een zebrapad met een verkeersdrempel zou helpen. Ouders willen ook graag meedenken.',
    theme: 'wegen-en-verkeer',
    district: 'Zuidbroek',
    targetGroups: ['resident', 'organisation'],
    author: 'Gerrit Smit',
    daysAgo: 95,
    votes: 42,
    steps: [
      {
        to: 'under_review',
        daysAfterCreation: 6,
        explanation: 'Een verkeerskundige komt kijken op een schoolochtend.',
      },
      {
        to: 'planned',
        daysAfterCreation: 30,
        explanation: 'We leggen een zebrapad en een drempel aan. We praten eerst met de school en de ouders.',
      },
      {
        to: 'in_progress',
        daysAfterCreation: 75,
        explanation: 'De werkzaamheden zijn begonnen. De straat is twee weken deels afgesloten.',
      },
    ],
    comments: [
      {
        by: 'Fietsenzaak Kramer',
        daysAfterCreation: 8,
        body: 'Denk ook aan de fietsers die daar de hoek om komen.',
      },
      {
        by: 'staff',
        daysAfterCreation: 31,
        official: true,
        body: 'Op 12 oktober is er een inloopavond in de school. Daar laten we de tekening zien. U bent welkom.',
      },
    ],
  },
  {
    key: 'snelheid-harkstede',
    assignedToStaff: true,
    title: 'Snelheid omlaag op de Hoofdweg in Harkstede',
    body:
      'Op de Hoofdweg in Harkstede mag je 50, maar veel mensen rijden harder. Er wonen veel gezinnen. ' +
      'Maak er een 30-kilometerweg van, met borden en drempels.',
    theme: 'wegen-en-verkeer',
    district: 'Harkstede',
    targetGroups: ['resident'],
    author: 'Dorpsbelangen Harkstede',
    daysAgo: 12,
    votes: 23,
    steps: [
      {
        to: 'under_review',
        daysAfterCreation: 5,
        explanation: 'We meten eerst twee weken hoe hard er wordt gereden. Daarna laten we weten wat we doen.',
      },
    ],
    comments: [{ by: 'Wim Hoekstra', daysAfterCreation: 1, body: 'Eens. Vooral ’s avonds wordt er erg hard gereden.' }],
  },
  {
    key: 'bermen-slochteren',
    title: 'Bloemrijke bermen voor bijen in Slochteren',
    body:
      'Veel bermen worden vaak gemaaid. Als we minder vaak maaien, groeien er meer bloemen. ' +
      'Dat is goed voor bijen en vlinders en het ziet er mooi uit.',
    theme: 'groen',
    district: 'Slochteren',
    targetGroups: ['resident', 'organisation'],
    author: 'Ingrid Veenstra',
    daysAgo: 210,
    votes: 27,
    steps: [
      {
        to: 'planned',
        daysAfterCreation: 9,
        explanation: 'Goed idee. We passen het maaiplan voor volgend jaar aan.',
      },
      {
        to: 'done',
        daysAfterCreation: 120,
        explanation: 'De bermen langs de Hoofdweg en de Borgweg maaien we nu twee keer per jaar.',
        closure: {
          whatChanged:
            'Zes kilometer berm in Slochteren wordt nog maar twee keer per jaar gemaaid en is ingezaaid met bloemen.',
          since: '2026-04-15',
          team: 'Beheer Openbare Ruimte',
        },
      },
    ],
    comments: [
      { by: 'Annie de Groot', daysAfterCreation: 150, body: 'Het is prachtig geworden deze zomer. Dank jullie wel!' },
    ],
  },
  {
    key: 'speeltuin-muntendam',
    title: 'Speeltuin in Muntendam opknappen',
    body:
      'De speeltuin aan de Zuiderstraat is oud. De glijbaan is kapot en er is niets voor kleine kinderen. ' +
      'Ouders uit de buurt willen helpen met ideeën en een opknapdag.',
    theme: 'groen',
    district: 'Muntendam',
    targetGroups: ['resident'],
    author: 'Tom Boer',
    daysAgo: 3,
    votes: 9,
    steps: [],
    comments: [{ by: 'Lotte Kuipers', daysAfterCreation: 1, body: 'Ik help graag mee met de opknapdag!' }],
  },
  {
    key: 'avondopenstelling',
    title: 'Ook ’s avonds een afspraak maken bij het gemeentehuis',
    body:
      'Veel mensen werken overdag. Voor een paspoort of rijbewijs moet je nu vrij nemen. ' +
      'Kan het gemeentehuis één avond per week open zijn op afspraak?',
    theme: 'dienstverlening',
    district: null,
    targetGroups: ['resident', 'entrepreneur'],
    author: 'Jeroen Hofman',
    daysAgo: 50,
    votes: 37,
    steps: [
      {
        to: 'under_review',
        daysAfterCreation: 2,
        explanation: 'We bekijken of we genoeg medewerkers hebben voor een avond.',
      },
      {
        to: 'planned',
        daysAfterCreation: 16,
        explanation: 'Vanaf januari kunt u op donderdagavond tot 20.00 uur terecht, op afspraak.',
      },
    ],
    comments: [
      {
        by: 'staff',
        daysAfterCreation: 16,
        official: true,
        body: 'Vanaf januari is het gemeentehuis op donderdag open tot 20.00 uur. U maakt een afspraak via de website of telefoon.',
      },
    ],
  },
  {
    key: 'eenvoudige-brieven',
    title: 'Brieven van de gemeente in eenvoudige taal',
    body:
      'Ik krijg soms brieven die ik niet begrijp. Veel mensen hebben daar last van. ' +
      'Schrijf korte zinnen en zet bovenaan wat ik moet doen.',
    theme: 'dienstverlening',
    district: 'Hoogezand',
    targetGroups: ['resident'],
    author: 'Natasja Koster',
    channel: 'phone',
    daysAgo: 260,
    votes: 44,
    steps: [
      {
        to: 'planned',
        daysAfterCreation: 7,
        explanation: 'We gaan onze standaardbrieven herschrijven, samen met inwoners.',
      },
      {
        to: 'in_progress',
        daysAfterCreation: 40,
        explanation: 'Een leespanel van tien inwoners leest mee met de nieuwe brieven.',
      },
      {
        to: 'done',
        daysAfterCreation: 180,
        explanation: 'De 40 meest verstuurde brieven zijn herschreven op taalniveau B1.',
        closure: {
          whatChanged:
            'De 40 brieven die we het meest versturen zijn herschreven in eenvoudige taal (B1), getest door een leespanel.',
          since: '2026-06-01',
          team: 'Klantcontact en Dienstverlening',
        },
      },
    ],
    comments: [
      {
        by: 'Stichting Welzijn Meeden',
        daysAfterCreation: 10,
        body: 'Wij willen graag meelezen. Veel van onze bezoekers hebben moeite met brieven.',
      },
    ],
  },
  {
    key: 'ontmoeting-meeden',
    title: 'Een ontmoetingsplek voor ouderen in Meeden',
    body:
      'Sinds het dorpshuis dicht is, is er in Meeden geen plek meer om elkaar te zien. ' +
      'Veel ouderen zijn eenzaam. Een koffieochtend in de kerk of de school zou al veel helpen.',
    theme: 'zorg-en-welzijn',
    district: 'Meeden',
    targetGroups: ['resident', 'organisation'],
    author: 'Stichting Welzijn Meeden',
    daysAgo: 20,
    votes: 16,
    steps: [
      {
        to: 'under_review',
        daysAfterCreation: 8,
        explanation: 'We praten met de kerk en de school over een ruimte.',
      },
    ],
    comments: [{ by: 'Lotte Kuipers', daysAfterCreation: 4, body: 'Mijn moeder zou hier heel blij van worden.' }],
  },
  {
    key: 'loket-ondernemers',
    title: 'Eén loket voor ondernemers met vergunningvragen',
    body:
      'Als ondernemer moet ik voor een vergunning vaak met drie afdelingen praten. ' +
      'Geef ondernemers één vaste contactpersoon die alles regelt.',
    theme: 'ondernemen',
    district: null,
    targetGroups: ['entrepreneur'],
    author: 'Bakkerij Van Dijk',
    daysAgo: 110,
    votes: 21,
    steps: [
      {
        to: 'under_review',
        daysAfterCreation: 9,
        explanation: 'We kijken hoe andere gemeenten dit doen.',
      },
      {
        to: 'planned',
        daysAfterCreation: 35,
        explanation: 'We starten een ondernemersloket met vaste accountmanagers.',
      },
      {
        to: 'in_progress',
        daysAfterCreation: 60,
        explanation: 'Twee accountmanagers zijn begonnen. We testen het eerst met twintig bedrijven.',
      },
    ],
    comments: [
      {
        by: 'Ahmet Yilmaz',
        daysAfterCreation: 12,
        body: 'Heel graag. Ik heb voor mijn terras vier keer mijn verhaal moeten doen.',
      },
    ],
  },
  {
    key: 'glasvezel-kolham',
    title: 'Snel internet op het bedrijventerrein in Kolham',
    body: 'Op het bedrijventerrein in Kolham is het internet traag. Kan de gemeente zorgen voor glasvezel?',
    theme: 'ondernemen',
    district: 'Kolham',
    targetGroups: ['entrepreneur'],
    author: 'Installatiebedrijf Dijkstra',
    daysAgo: 80,
    votes: 8,
    steps: [
      {
        to: 'declined',
        daysAfterCreation: 6,
        explanation:
          'De gemeente legt zelf geen glasvezel aan. Dat doen telecombedrijven. De provincie helpt bedrijventerreinen met een regeling. We hebben uw vraag doorgestuurd.',
        declineReason: 'not_municipal_task',
        referredTo: 'Provincie Groningen (regeling snel internet)',
      },
    ],
    comments: [],
  },
  {
    key: 'sportdag',
    title: 'Gratis sportdag voor kinderen in de zomervakantie',
    body:
      'Niet alle kinderen gaan op vakantie. Een gratis sportdag met verenigingen uit de buurt geeft ze een leuke dag ' +
      'en laat ze kennismaken met een sport.',
    theme: 'sport-en-cultuur',
    district: 'Sappemeer',
    targetGroups: ['resident', 'organisation'],
    author: 'Sportclub Sappemeer',
    daysAgo: 16,
    votes: 12,
    steps: [],
    comments: [{ by: 'Jeroen Hofman', daysAfterCreation: 2, body: 'Leuk! Onze tennisclub doet graag mee.' }],
  },
  {
    key: 'skatebaan',
    title: 'Een grote skatebaan in Sappemeer',
    body: 'Jongeren in Sappemeer hebben weinig te doen. Een grote betonnen skatebaan trekt ook jongeren uit andere dorpen.',
    theme: 'sport-en-cultuur',
    district: 'Sappemeer',
    targetGroups: ['resident'],
    author: 'Ruben Visser',
    daysAgo: 150,
    votes: 14,
    steps: [
      {
        to: 'under_review',
        daysAfterCreation: 10,
        explanation: 'We zoeken uit wat een skatebaan kost en waar die zou kunnen liggen.',
      },
      {
        to: 'declined',
        daysAfterCreation: 45,
        explanation:
          'Een grote skatebaan kost ongeveer 400.000 euro. Daar is nu geen geld voor. We kijken in 2028 opnieuw. De kleine skatebaan in Hoogezand knappen we wel op.',
        declineReason: 'budget',
      },
    ],
    comments: [],
  },
  {
    key: 'parkeren-kropswolde',
    assignedToStaff: true,
    title: 'Meer fietsenrekken bij station Kropswolde',
    body:
      'Bij station Kropswolde staan fietsen overal, omdat de rekken vol zijn. Er is ook geen overdekte plek. ' +
      'Meer rekken en een overkapping maken het makkelijker om met de trein te gaan.',
    theme: 'wegen-en-verkeer',
    district: 'Kropswolde',
    targetGroups: ['resident'],
    author: 'Pieter Jansen',
    channel: 'desk',
    daysAgo: 9,
    votes: 6,
    steps: [],
    comments: [],
  },
]
