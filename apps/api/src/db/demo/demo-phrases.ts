import type { TargetGroup } from '@meedenken/shared'

/**
 * The words around the topics: how the municipality answers (plain "u", friendly, B1),
 * what people write underneath, progress updates, remarks and names. Slots as in
 * demo-topics.ts, plus {subject}, {review}, {plan}, {work}, {closure}, {when}, {department},
 * {org} (the writer's organisation) and {referral}.
 */

export const FIRST_STATUS = [
  'Bedankt voor uw idee. {review} Daarna laten we u weten wat we gaan doen.',
  'Dank u wel voor dit idee over {subject}. {review}',
  'Goed dat u dit meldt. {review} U hoort binnen een paar weken meer van ons.',
  'Wat fijn dat u meedenkt. {review} We houden u via deze pagina op de hoogte.',
]

export const FIRST_OFFICIAL = [
  'Dank u wel voor uw idee over {subject}. Onze collega’s van {department} kijken ernaar. U hoort binnen vier weken meer.',
  'Bedankt voor uw bericht. {review} We houden u op de hoogte via deze pagina.',
  'Goed dat u dit idee deelt. {review} Heeft u een vraag? Bel ons gerust op 14 0598.',
  'Dank u wel. We herkennen wat u schrijft over {subject}. {review}',
]

export const LATER_REVIEW = [
  'We hebben uw idee in behandeling genomen. {review}',
  'We gaan uw idee nu echt bekijken. {review}',
]

export const PLANNED = [
  'Goed nieuws: we gaan dit doen. {plan} {when}',
  'We hebben uw idee bekeken en nemen het over. {plan} {when}',
  '{plan} {when} Dank u wel voor het meedenken.',
]

export const PLANNED_OFFICIAL = [
  'We gaan aan de slag. {plan} {when} Wilt u meedenken over de uitvoering? Dat kan hier op de pagina.',
  '{plan} {when} Via deze pagina laten we weten hoe het gaat.',
  'Uw idee gaat door. {plan} Heeft u vragen? Bel 14 0598.',
]

export const PROGRESS = ['We zijn begonnen. {work}', 'Het werk is gestart. {work}', '{work}']

export const DONE = [
  'Het is klaar. {closure} Dank u wel voor uw idee!',
  'Klaar! {closure} Bedankt voor het meedenken.',
  '{closure} Fijn dat u dit idee instuurde.',
]

export const DONE_OFFICIAL = [
  'Het is gelukt. {closure} Over een paar weken vragen we u of het verschil maakt.',
  'Dank aan iedereen die meedacht. {closure}',
]

export const DECLINED = [
  '{text}',
  'We hebben uw idee goed bekeken. {text}',
  'Dank u wel voor uw idee. Helaas gaan we het niet uitvoeren. {text}',
]

export const REOPENED = [
  'Er zijn nieuwe feiten, daarom kijken we opnieuw naar uw idee. {review}',
  'We hebben nieuwe informatie gekregen. Daarom bekijken we uw idee opnieuw. {review}',
]

/** Back from "in progress" to "planned": the work has to wait. */
export const PAUSED = [
  'We moeten even pauzeren. Zodra het weer kan, gaan we verder. We houden u hier op de hoogte.',
  'Het werk ligt even stil. Hier leest u wanneer we verdergaan.',
]

export const MERGED = [
  'Dit idee gaat over hetzelfde als een ander idee. We hebben ze samengevoegd, zodat alle stemmen bij elkaar tellen.',
]

export const SEASON: Record<number, string> = {
  1: 'in de winter',
  2: 'in de winter',
  3: 'in het voorjaar',
  4: 'in het voorjaar',
  5: 'in het voorjaar',
  6: 'in de zomer',
  7: 'in de zomer',
  8: 'in de zomer',
  9: 'in het najaar',
  10: 'in het najaar',
  11: 'in het najaar',
  12: 'in de winter',
}

export const WHEN = [
  'We verwachten dat het {season} klaar is.',
  'Als alles meezit, is het {season} klaar.',
  'We beginnen {season}.',
]

/** Progress updates while the work is being prepared ("planned") and while it runs ("in progress"). */
export const UPDATES: Record<'preparing' | 'working', string[]> = {
  preparing: [
    'We hebben de plek bekeken met een paar buurtbewoners. Het plan is nu klaar.',
    'We hebben met de buurt gepraat in het dorpshuis. Er kwamen vijftien mensen. We nemen hun tips mee.',
    'Bedankt aan iedereen die wil meedenken. We nemen deze maand contact met u op.',
    'Er is nog overleg met de eigenaar van de grond. Zodra dat rond is, gaan we verder.',
    'We wachten nog op een vergunning. Die verwachten we binnen zes weken.',
    'Het geld is vrijgemaakt. Nu maken we de planning.',
    'We vragen offertes op. Daarna weten we wanneer we kunnen beginnen.',
  ],
  working: [
    'Het eerste deel is klaar. De rest volgt binnen een maand.',
    'Door het natte weer lopen we een paar weken uit. Sorry daarvoor.',
    'Kleine vertraging: de leverancier heeft niet alles op voorraad. We houden u op de hoogte.',
    'Het gaat goed. We liggen op schema.',
    'We zijn bijna klaar. Nog een paar kleine dingen en dan is het af.',
  ],
}

export const SUPPORT = [
  'Helemaal mee eens. In {v2} hebben we hetzelfde probleem.',
  'Ik steun dit. Het is al jaren zo.',
  'Dit maakt het dorp echt beter.',
  'Goed idee, hopelijk gebeurt er snel iets.',
]

/** What only a resident says. */
export const RESIDENT_SUPPORT = [
  'Goed idee! Ik kom hier elke dag en zie het ook.',
  'Eindelijk zegt iemand het. Ik heb er vorig jaar al over gebeld.',
  'Mijn buren en ik hebben allemaal gestemd. Succes!',
  'Fijn idee. Mijn kinderen zouden er blij mee zijn.',
  'Heel goed dat dit hier staat. Ik dacht dat ik de enige was.',
]

export const DOUBT = [
  'Mooi plan, maar wie betaalt het onderhoud?',
  'Ik twijfel. Is dit echt het grootste probleem hier?',
  'Goed bedoeld, maar denk ook aan de buren. Het moet niet te druk worden.',
  'Ik snap het idee, maar het geld kan misschien beter naar de zorg.',
]

export const QUESTION = [
  'Weet iemand al wanneer hier iets mee gebeurt?',
  'Is er al contact geweest met de gemeente hierover?',
  'Kan de gemeente laten weten wat dit ongeveer kost?',
]

export const ORG_SUPPORT = [
  'Namens {org}: wij denken graag mee en helpen als het kan.',
  'Als {org} horen wij dit vaak van onze leden. Goed dat het hier staat.',
]

export const ENTREPRENEUR_SUPPORT = [
  'Ook onze klanten vragen hier vaak naar. Goed voor het dorp.',
  'Als ondernemer zie ik dit elke dag. Ik steun het idee.',
]

/** Replies, by what the comment replied to said. */
export const REPLY_AUTHOR: Record<'support' | 'doubt' | 'question' | 'after', string[]> = {
  support: [
    'Dank u! Hoe meer mensen stemmen, hoe beter.',
    'Precies, daarom heb ik het ingestuurd.',
    'Dank je wel voor je steun!',
  ],
  doubt: ['Goed punt, daar had ik nog niet aan gedacht.', 'Dat begrijp ik, maar ik denk dat het de moeite waard is.'],
  question: ['Dat weet ik niet. Misschien kan de gemeente dat uitzoeken?', 'Nog niet, ik wacht op antwoord.'],
  after: ['Dank je wel!', 'Dat vind ik ook.'],
}

export const REPLY_OTHER: Record<'support' | 'doubt' | 'question' | 'after', string[]> = {
  support: ['Dat denk ik ook.', 'Mee eens!', 'Helemaal waar.'],
  doubt: ['Dat valt wel mee, denk ik. Het is echt nodig.', 'Goed punt, maar ik vind het toch een goed idee.'],
  question: ['Nog niet, voor zover ik weet.', 'Volgens mij kijkt de gemeente er nu naar.'],
  after: ['Mee eens.', 'Dat vind ik ook.'],
}

export const AFTER_PLANNED = [
  'Super dat dit doorgaat!',
  'Goed nieuws. Weet iemand al wanneer het begint?',
  'Fijn dat de gemeente dit oppakt.',
]

export const AFTER_DONE = [
  'Het is mooi geworden. Dank aan iedereen die heeft meegedaan!',
  'Top dat dit geregeld is.',
  'Ik ben gisteren gaan kijken. Echt een verbetering.',
  'Netjes gedaan, gemeente.',
]

export const AFTER_DECLINED = [
  'Jammer, maar ik snap de uitleg.',
  'Jammer. Ik hoop dat het later alsnog kan.',
  'Teleurstellend. Ik blijf het onder de aandacht brengen.',
]

export const AFTER_REFERRAL = [
  'Dan neem ik zelf ook contact op met {referral}.',
  'Fijn dat u het hebt doorgestuurd naar {referral}.',
]

export const HELPER_NOTES: Record<TargetGroup, string[]> = {
  resident: [
    'Ik woon om de hoek en help graag mee.',
    'Ik kan flyers rondbrengen in de buurt.',
    'Ik ben hovenier en denk graag mee over de planten.',
    'Ik kan meedenken over het ontwerp. Ik ben tekenaar.',
    'Ik heb een aanhanger en kan spullen halen en brengen.',
    'Ik wil graag meedoen met een buurtavond.',
    'Ik ben met pensioen en heb tijd. Bel me gerust.',
  ],
  entrepreneur: [
    'Ons bedrijf kan gereedschap of een aanhanger lenen.',
    'Wij willen graag iets sponsoren.',
    'We hangen een poster op in de zaak.',
  ],
  organisation: [
    'Onze vereniging helpt graag op een zaterdag.',
    'Onze vrijwilligers denken graag mee.',
    'We kunnen onze leden oproepen om te helpen.',
  ],
}

export const NOTES = [
  'Overlegd met de wijkagent. Hij herkent het probleem.',
  'Budget komt uit het potje leefbaarheid kleine kernen.',
  'Indiener nog even bellen over de precieze plek.',
  'Afgestemd met de collega’s van Beheer Openbare Ruimte.',
  'Eerst navragen bij de aannemer of dit in de planning past.',
  'Vergelijkbaar verzoek vorig jaar uit {v2}. Zelfde aanpak gebruiken.',
  'Wethouder is op de hoogte en steunt het.',
  'Offerte aangevraagd bij twee leveranciers.',
]

export const RATING_REMARKS: Record<'good' | 'mixed' | 'bad', string[]> = {
  good: [
    'Snel antwoord en duidelijke uitleg.',
    'Fijn dat er echt iets mee gedaan wordt.',
    'Netjes op de hoogte gehouden.',
    'Prettig contact met de gemeente.',
  ],
  mixed: [
    'Duidelijk, maar het duurt lang.',
    'Ik hoop dat het nu ook echt gebeurt.',
    'Redelijk, maar ik had meer uitleg verwacht.',
  ],
  bad: [
    'Ik snap de uitleg, maar ben het er niet mee eens.',
    'Het duurde lang voordat ik iets hoorde.',
    'Jammer dat er geen geld voor is.',
    'Ik voel me van het kastje naar de muur gestuurd.',
  ],
}

export const FOLLOWUP_REMARKS: Record<'yes' | 'partly' | 'no', string[]> = {
  yes: ['Het is echt beter geworden.', 'Mijn buren zijn er ook blij mee.', 'Precies wat we nodig hadden.'],
  partly: ['Het is beter, maar op drukke dagen nog steeds een probleem.', 'Een goed begin. Er mag nog wel wat bij.'],
  no: ['Ik merk er nog weinig van.', 'Het probleem is nog niet weg.'],
}

/** Opening lines of an idea sent in on the web, by who sends it. */
export const OPENINGS: Record<TargetGroup, string[]> = {
  resident: [
    'Ik woon al {n} jaar in {v}.',
    'Ik kom hier bijna elke dag.',
    'Als ouder van twee jonge kinderen maak ik me hier zorgen over.',
    'Ik ben {age} en loop met een rollator.',
  ],
  entrepreneur: [
    'Als ondernemer in {v} merk ik dit elke dag.',
    'Wij hebben een bedrijf in {v} met {staff} medewerkers.',
  ],
  organisation: ['Wij zijn {org} en zetten ons in voor het dorp.', 'Onze leden vragen hier al lang om.'],
}

export const CLOSINGS: Record<TargetGroup, string[]> = {
  resident: [
    'Ik help graag mee.',
    'Wie stemt er mee?',
    'Ik hoor graag wat de gemeente ervan vindt.',
    'Alvast bedankt!',
  ],
  entrepreneur: ['Andere ondernemers denken er net zo over.', 'We denken graag mee.'],
  organisation: ['Onze vrijwilligers willen graag helpen.', 'We komen graag langs om het toe te lichten.'],
}

/** How staff write down an idea they took in by phone, at the desk, by letter or by e-mail. */
export const INTAKE_OPENING = {
  phone: ['{name} belde met de gemeente.', '{name} belde ons op met dit idee.'],
  desk: ['{name} kwam langs bij de balie in het gemeentehuis.', '{name} vertelde dit aan de balie.'],
  letter: ['Per brief van {name}:', '{name} stuurde ons een brief.'],
  email: ['Per e-mail van {name}:', '{name} mailde ons dit idee.'],
} as const

export const INTAKE_CLOSING = {
  phone: ['Graag terugbellen met het antwoord.', 'Wil graag op de hoogte blijven.'],
  desk: ['Graag een reactie per post.', 'Komt graag nog eens langs om het toe te lichten.'],
  letter: ['Graag een antwoord per brief.'],
  email: ['Graag een reactie per e-mail.'],
} as const

export const FIRST_NAMES = [
  'Anja',
  'Bert',
  'Cor',
  'Dirk-Jan',
  'Els',
  'Geert',
  'Gerda',
  'Harm',
  'Hilde',
  'Jannie',
  'Jelle',
  'Jolanda',
  'Karin',
  'Koos',
  'Lieke',
  'Marcel',
  'Margriet',
  'Martin',
  'Mirjam',
  'Nienke',
  'Roelof',
  'Rianne',
  'Sjoerd',
  'Tineke',
  'Wietse',
  'Wendy',
  'Yara',
  'Zeynep',
  'Mohamed',
  'Agnieszka',
  'Piotr',
  'Daan',
  'Noor',
  'Julia',
  'Bas',
  'Anke',
  'Hennie',
  'Grietje',
  'Albert',
  'Egbert',
  'Jeltje',
  'Thijs',
  'Sevgi',
  'Olena',
  'Ria',
]

export const SURNAMES = [
  'Huizinga',
  'Oosterhuis',
  'Tuinstra',
  'Schuiling',
  'Hazenberg',
  'Nijdam',
  'Kremer',
  'Dekker',
  'Prins',
  'Brink',
  'Boerema',
  'Ploeg',
  'Scholtens',
  'Pot',
  'Zijlstra',
  'Bolhuis',
  'Stol',
  'Mellema',
  'Hofstede',
  'Kloosterman',
  'Bruins',
  'Kuiper',
  'Dijkhuis',
  'Wildeboer',
  'Koning',
  'Drenth',
  'Haan',
  'Smid',
  'Reinders',
  'Siersema',
  'Sikkema',
  'Wierenga',
  'Zuidema',
  'Jonker',
  'Boekema',
  'Gorter',
  'Doornbos',
  'Kamminga',
  'Kruizinga',
  'Ubbens',
  'Bakker',
  'de Wit',
  'van der Laan',
]

export const BUSINESS_TYPES = [
  'Kapsalon',
  'Bakkerij',
  'Slagerij',
  'Garage',
  'Bloemenzaak',
  'Eetcafé',
  'Boerderijwinkel',
  'Loonbedrijf',
  'Schildersbedrijf',
  'Bouwbedrijf',
  'Hoveniersbedrijf',
  'Taxibedrijf',
  'Rijschool',
  'Administratiekantoor',
  'Kinderopvang',
  'Zorgboerderij',
  'Installatiebedrijf',
  'Transportbedrijf',
]

/** Organisations by kind; {v} is their village. */
export const ORGANISATION_KINDS = [
  'Dorpsbelangen {v}',
  'Stichting Dorpshuis {v}',
  'Voetbalvereniging {v}',
  'IJsvereniging {v}',
  'Ouderenvereniging {v}',
  'Oranjevereniging {v}',
  'Muziekvereniging {v}',
  'Historische Vereniging {v}',
  'Tennisclub {v}',
  'Scouting {v}',
  'Vrouwen van Nu {v}',
  'Buurtvereniging {v}',
  'Ouderraad basisschool {v}',
  'Jeugdsoos {v}',
]
