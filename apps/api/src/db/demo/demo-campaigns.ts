import type { TargetGroup } from '@meedenken/shared'
import type { Fate, ThemeSlug, Topic } from './demo-topics'

/**
 * The four questions the municipality put to the public ("meedenkvragen"), one in each
 * phase, with the ideas people sent in. Days are relative to the moment the demo loads:
 * negative is in the past. `{year}` is the coming year.
 */
export type DemoCampaignIdea = Omit<
  Topic,
  'key' | 'theme' | 'by' | 'for' | 'titles' | 'situation' | 'problem' | 'proposal' | 'fate'
> & {
  title: string
  body: string
  group: TargetGroup
  village: string
  fate: Fate | 'silent'
  /** Days after the campaign opened. */
  day: number
  votes: number
}

export type DemoCampaign = {
  key: 'ideas' | 'voting' | 'outcome' | 'upcoming'
  title: string
  description: string
  theme: ThemeSlug
  targetGroups: TargetGroup[]
  /** Whole local days from today. */
  ideasFrom: number
  ideasUntil: number
  votingFrom: number | null
  votingUntil: number | null
  createdDay: number
  outcome: string | null
  outcomeDay: number | null
  ideas: DemoCampaignIdea[]
}

const none = { review: [], plan: [], work: [], closure: [] }

export const CAMPAIGNS: DemoCampaign[] = [
  {
    key: 'ideas',
    title: 'Hoe maken we de fietsroutes naar school veiliger?',
    description:
      'Elke dag fietsen honderden kinderen en jongeren naar school. Waar voelt u zich niet veilig op de fiets? En wat zou helpen?\n\n' +
      'Stuur uw idee in tot het einde van de ideeënfase. Daarna kunt u twee weken stemmen. ' +
      'De drie ideeën met de meeste stemmen nemen we mee in het verkeersplan voor {year}.',
    theme: 'wegen-en-verkeer',
    targetGroups: ['resident', 'organisation'],
    ideasFrom: -12,
    ideasUntil: 24,
    votingFrom: 24,
    votingUntil: 38,
    createdDay: -19,
    outcome: null,
    outcomeDay: null,
    ideas: [
      {
        title: 'Een fietsstraat naar de middelbare school in Hoogezand',
        body:
          'Elke ochtend fietsen honderden scholieren over de Kerkstraat naar school. Auto’s halen ze rakelings in.\n\n' +
          'Maak er een fietsstraat van: rood asfalt, en auto’s zijn er te gast.',
        group: 'resident',
        village: 'Hoogezand',
        subject: 'een fietsstraat naar de school',
        ...none,
        review: ['We nemen uw idee mee in de stemronde en kijken alvast of het kan.'],
        fate: 'review',
        day: 1,
        votes: 0,
      },
      {
        title: 'Een verkeersouder bij de school in Slochteren',
        body:
          'Bij de school aan de Hoofdweg in Slochteren staan ’s ochtends veel auto’s. Kinderen moeten ertussendoor fietsen.\n\n' +
          'Laat ouders om de beurt helpen bij het begin van de school, met een hesje en een bord.',
        group: 'organisation',
        village: 'Slochteren',
        subject: 'verkeersouders bij de school',
        ...none,
        review: ['Goed idee. We vragen de school of er ouders mee willen doen.'],
        fate: 'review',
        day: 3,
        votes: 0,
      },
      {
        title: 'Een breder fietspad van Kolham naar Sappemeer',
        body:
          'Het fietspad van Kolham naar Sappemeer is smal. Scholieren fietsen vaak met drie naast elkaar en brommers halen ze in.\n\n' +
          'Maak het fietspad een meter breder.',
        group: 'resident',
        village: 'Kolham',
        subject: 'het fietspad van Kolham naar Sappemeer',
        ...none,
        fate: 'answer',
        review: ['We kijken of er ruimte is naast het fietspad.'],
        day: 4,
        votes: 0,
      },
      {
        title: 'Fietsles voor kinderen die net in Nederland wonen',
        body:
          'Kinderen die net in Nederland wonen, hebben vaak nooit leren fietsen. Ze lopen of worden gebracht.\n\n' +
          'Geef fietsles op school, met fietsen die ze mogen lenen. Onze vrijwilligers helpen graag.',
        group: 'organisation',
        village: 'Hoogezand',
        subject: 'fietsles voor nieuwkomers',
        ...none,
        review: ['We zoeken uit welke scholen hieraan mee willen doen.'],
        fate: 'review',
        day: 6,
        votes: 0,
      },
      {
        title: 'Lantaarns op het schoolpad in Noordbroek',
        body: 'Het pad achter de school in Noordbroek is in de winter donker. Kinderen fietsen er na de sport in het donker naar huis.',
        group: 'resident',
        village: 'Noordbroek',
        subject: 'licht op het schoolpad',
        ...none,
        fate: 'silent',
        day: 9,
        votes: 0,
      },
      {
        title: 'Een fietsenstalling met dak bij de sporthal in Siddeburen',
        body:
          'Na school fietsen veel kinderen naar de sporthal in Siddeburen. Daar is geen overdekte stalling, dus fietsen staan in de regen en vallen om.\n\n' +
          'Een stalling met een dak zou veel schelen.',
        group: 'resident',
        village: 'Siddeburen',
        subject: 'een fietsenstalling bij de sporthal',
        ...none,
        fate: 'silent',
        day: 11,
        votes: 0,
      },
    ],
  },
  {
    key: 'voting',
    title: 'Welke groene plek knappen we in {year} als eerste op?',
    description:
      'Er is geld om één groene plek in de gemeente flink op te knappen. U kon plekken voordragen; nu kiest u welke het wordt.\n\n' +
      '**Stemmen kan tot het einde van de stemfase.** De plek met de meeste stemmen pakken we in {year} aan, samen met de buurt.',
    theme: 'groen',
    targetGroups: ['resident'],
    ideasFrom: -70,
    ideasUntil: -14,
    votingFrom: -10,
    votingUntil: 18,
    createdDay: -75,
    outcome: null,
    outcomeDay: null,
    ideas: [
      {
        title: 'Het park aan de Kerkstraat in Muntendam groener maken',
        body: 'Het park in Muntendam is vooral gras. Met bomen, struiken en een paar bloemenperken wordt het een echte plek om te zitten.',
        group: 'resident',
        village: 'Muntendam',
        subject: 'het park aan de Kerkstraat',
        ...none,
        review: ['Dit idee kan, en het past in het budget. Het doet mee aan de stemming.'],
        fate: 'review',
        day: 3,
        votes: 8,
      },
      {
        title: 'Een bloemrijk dorpsplein in Noordbroek',
        body: 'Het dorpsplein in Noordbroek is helemaal bestraat. Haal een deel van de tegels weg en maak er een bloemrijk plein van, met een paar bomen.',
        group: 'organisation',
        village: 'Noordbroek',
        subject: 'het dorpsplein',
        ...none,
        review: ['Dit idee kan, en het past in het budget. Het doet mee aan de stemming.'],
        fate: 'review',
        day: 8,
        votes: 7,
      },
      {
        title: 'Bomen en bankjes bij het gezondheidscentrum in Hoogezand',
        body: 'Wie bij het gezondheidscentrum op de bus of een taxi wacht, staat op een kale stoep. Bomen en bankjes maken het wachten prettiger.',
        group: 'resident',
        village: 'Hoogezand',
        subject: 'groen bij het gezondheidscentrum',
        ...none,
        review: ['Dit idee kan, en het past in het budget. Het doet mee aan de stemming.'],
        fate: 'review',
        day: 15,
        votes: 6,
      },
      {
        title: 'Een pluktuin bij de brede school in Harkstede',
        body: 'Maak naast de brede school in Harkstede een pluktuin met bessen en fruitbomen. De kinderen leren er hoe groente en fruit groeien.',
        group: 'organisation',
        village: 'Harkstede',
        subject: 'een pluktuin bij de school',
        ...none,
        review: ['Dit idee kan, en het past in het budget. Het doet mee aan de stemming.'],
        fate: 'review',
        day: 22,
        votes: 5,
      },
      {
        title: 'Het grasveld bij de flats in Sappemeer opknappen',
        body: 'Het grasveld tussen de flats in Sappemeer is een modderpoel. Met een pad, bankjes en een paar bomen kunnen bewoners er weer gebruik van maken.',
        group: 'resident',
        village: 'Sappemeer',
        subject: 'het grasveld bij de flats',
        ...none,
        review: ['Dit idee kan, en het past in het budget. Het doet mee aan de stemming.'],
        fate: 'review',
        day: 30,
        votes: 4,
      },
      {
        title: 'Een natuurlijke speelplek in het bos bij Foxhol',
        body: 'In het bosje bij Foxhol spelen kinderen al tussen de bomen. Met boomstammen, een zandbak en een wilgenhut wordt het een echte speelplek in de natuur.',
        group: 'resident',
        village: 'Foxhol',
        subject: 'een speelplek in het bos',
        ...none,
        review: ['Dit idee kan, en het past in het budget. Het doet mee aan de stemming.'],
        fate: 'review',
        day: 41,
        votes: 3,
      },
    ],
  },
  {
    key: 'outcome',
    title: 'Hoe gaan we samen eenzaamheid tegen?',
    description:
      'Veel mensen in onze gemeente voelen zich eenzaam, jong en oud. De gemeente kan dat niet alleen oplossen. ' +
      'Daarom vragen we u: wat helpt in uw dorp of wijk? Welke ideeën wilt u samen met ons uitvoeren?',
    theme: 'zorg-en-welzijn',
    targetGroups: ['resident', 'organisation'],
    ideasFrom: -240,
    ideasUntil: -180,
    votingFrom: null,
    votingUntil: null,
    createdDay: -246,
    outcome:
      'Dank u wel voor alle ideeën en stemmen. Dit doen we ermee:\n\n' +
      '- In de bibliotheek van Zuidbroek is elke week een koffieochtend.\n' +
      '- In Sappemeer start een maatjesproject: vrijwilligers bezoeken elke week een oudere.\n' +
      '- In Siddeburen wandelen we op zondag samen; de gemeente zorgt voor een begeleider.\n\n' +
      'Twee ideeën voeren we niet uit. Bij elk idee leest u waarom.',
    outcomeDay: -150,
    ideas: [
      {
        title: 'Een koffieochtend in de bibliotheek van Zuidbroek',
        body: 'In Zuidbroek is weinig te doen voor ouderen. Een wekelijkse koffieochtend in de bibliotheek, met kranten en een spelletje, zou mensen bij elkaar brengen.',
        group: 'resident',
        village: 'Zuidbroek',
        subject: 'een koffieochtend in de bibliotheek',
        review: ['We praten met de bibliotheek over een vaste ochtend.'],
        plan: ['Elke dinsdagochtend is er koffie in de bibliotheek van Zuidbroek.'],
        work: ['Vrijwilligers zijn gevonden. De eerste ochtend is volgende week.'],
        closure: [
          'Elke dinsdagochtend is er een koffieochtend in de bibliotheek van Zuidbroek. Er komen gemiddeld vijftien mensen.',
        ],
        team: 'Sociaal Domein, samen met de bibliotheek',
        fate: 'done',
        day: 4,
        votes: 8,
      },
      {
        title: 'Een maatjesproject voor ouderen in Sappemeer',
        body: 'Koppel vrijwilligers aan ouderen die weinig bezoek krijgen. Eén keer per week een kop koffie of een wandeling maakt al veel verschil.',
        group: 'organisation',
        village: 'Sappemeer',
        subject: 'een maatjesproject',
        review: ['We vragen de welzijnsorganisatie om het project te leiden.'],
        plan: ['Het maatjesproject start in Sappemeer. We zoeken twintig vrijwilligers.'],
        work: ['Twaalf koppels zijn gestart. We zoeken nog vrijwilligers.'],
        closure: [],
        fate: 'progress',
        day: 9,
        votes: 7,
        helpers: true,
      },
      {
        title: 'Samen wandelen op zondag in Siddeburen',
        body: 'De zondag is voor veel mensen de eenzaamste dag. Organiseer een vaste wandeling op zondagmiddag, met koffie na afloop.',
        group: 'resident',
        village: 'Siddeburen',
        subject: 'samen wandelen op zondag',
        review: ['We kijken wie de wandeling kan begeleiden.'],
        plan: ['Vanaf het voorjaar is er elke zondag om 14.00 uur een wandeling vanaf het dorpshuis.'],
        work: [],
        closure: [],
        fate: 'planned',
        day: 15,
        votes: 6,
        helpers: true,
      },
      {
        title: 'Een gratis buurtbus naar de stad voor ouderen',
        body: 'Veel ouderen komen nooit meer in de stad, omdat de bus te duur en te ingewikkeld is. Laat een gratis buurtbus één keer per week naar Groningen rijden.',
        group: 'resident',
        village: 'Meeden',
        subject: 'een buurtbus naar de stad',
        review: ['We rekenen uit wat een buurtbus kost.'],
        plan: [],
        work: [],
        closure: [],
        declines: [
          {
            reason: 'budget',
            text: 'Een wekelijkse bus naar de stad kost ruim 60.000 euro per jaar. Dat geld steken we liever in activiteiten in de dorpen zelf. Voor vervoer op maat kunt u de Wmo-taxi gebruiken.',
          },
        ],
        fate: 'declined',
        day: 22,
        votes: 5,
      },
      {
        title: 'Huisbezoek bij alle 80-plussers',
        body: 'Laat iemand van de gemeente of de huisarts één keer per jaar bij alle 80-plussers op bezoek gaan. Zo zie je op tijd wie hulp nodig heeft.',
        group: 'organisation',
        village: 'Slochteren',
        subject: 'huisbezoek bij 80-plussers',
        review: ['We bespreken dit met de huisartsen en de ouderenadviseurs.'],
        plan: [],
        work: [],
        closure: [],
        declines: [
          {
            reason: 'not_municipal_task',
            referredTo: 'Huisartsen in Midden-Groningen',
            text: 'Medische huisbezoeken zijn een taak van de huisartsen. We hebben uw idee met hen besproken; zij nemen het mee. Onze ouderenadviseurs komen wel langs als u daarom vraagt.',
          },
        ],
        fate: 'declined',
        day: 37,
        votes: 4,
      },
    ],
  },
  {
    key: 'upcoming',
    title: 'Wat vindt u belangrijk in de nieuwe bibliotheek van Hoogezand?',
    description:
      'In {year} bouwen we een nieuwe bibliotheek in het centrum van Hoogezand. Wat moet er zeker in komen? ' +
      'Een plek om te studeren, een taalcafé, ruimte voor verenigingen? Binnenkort kunt u uw ideeën insturen.',
    theme: 'sport-en-cultuur',
    targetGroups: ['resident', 'entrepreneur', 'organisation'],
    ideasFrom: 16,
    ideasUntil: 60,
    votingFrom: null,
    votingUntil: null,
    createdDay: -6,
    outcome: null,
    outcomeDay: null,
    ideas: [],
  },
]
