import type { Locale } from './enums'
import type { Text } from './text'

/** The part of a zod issue the messages need; kept structural so zod stays an implementation detail. */
export type IssueLike = {
  code: string
  message: string
  path: readonly PropertyKey[]
  origin?: string
  minimum?: number | bigint
  maximum?: number | bigint
  format?: string
  expected?: string
  params?: Record<string, unknown>
}

const t = (nl: string, en: string): Text => ({ nl, en })

/**
 * Messages for refinements, named by the `params.messageKey` a schema sets on its issue.
 * They live here, not in the schema, so both languages stay side by side.
 */
export const CUSTOM_MESSAGES = {
  passwordCommon: t(
    'Dit wachtwoord komt te vaak voor en is makkelijk te raden. Kies een ander wachtwoord.',
    'This password is too common and easy to guess. Please choose another one.',
  ),
  passwordsDiffer: t('De twee wachtwoorden zijn niet gelijk.', 'The two passwords do not match.'),
  atLeastOneTargetGroup: t('Kies minstens één doelgroep.', 'Choose at least one target group.'),
  dateOrder: t('De einddatum moet na de begindatum liggen.', 'The end date must be after the start date.'),
  displayNameHidden: t(
    'Gebruik een naam zonder regeleinde, tab of onzichtbare tekens.',
    'Use a name without line breaks, tabs or invisible characters.',
  ),
  displayNameLink: t(
    'Gebruik een naam zonder link of webadres. Zet na een punt een spatie, zoals in J. de Vries.',
    'Use a name without a link or web address. Put a space after a full stop, as in J. de Vries.',
  ),
  linkScheme: t(
    'Gebruik een webadres dat begint met https:// of http://.',
    'Use a web address that starts with https:// or http://.',
  ),
} satisfies Record<string, Text>

export type CustomMessageKey = keyof typeof CUSTOM_MESSAGES

export const VALIDATION_SUMMARY: Text = t(
  'Niet alles is goed ingevuld. Kijk de velden met een melding na.',
  'Not everything is filled in correctly. Please check the fields with a message.',
)

function bound(value: number | bigint | undefined): number {
  return Number(value ?? 0)
}

/** One plain-language sentence for one validation issue. */
export function issueMessage(issue: IssueLike, locale: Locale, missing: boolean): string {
  const pick = (text: Text) => text[locale]
  const key = issue.params?.messageKey
  if (typeof key === 'string' && key in CUSTOM_MESSAGES) {
    return pick(CUSTOM_MESSAGES[key as CustomMessageKey])
  }
  if (missing) return pick(t('Vul dit veld in.', 'Please fill in this field.'))
  switch (issue.code) {
    case 'too_small': {
      const n = bound(issue.minimum)
      if (issue.origin === 'string') {
        return n <= 1
          ? pick(t('Vul dit veld in.', 'Please fill in this field.'))
          : pick(t(`Gebruik minstens ${n} tekens.`, `Use at least ${n} characters.`))
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        return pick(t(`Kies er minstens ${n}.`, `Choose at least ${n}.`))
      }
      return pick(t(`Kies een getal van minstens ${n}.`, `Choose a number of at least ${n}.`))
    }
    case 'too_big': {
      const n = bound(issue.maximum)
      if (issue.origin === 'string') {
        return pick(t(`Gebruik hoogstens ${n} tekens.`, `Use at most ${n} characters.`))
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        return pick(t(`Kies er hoogstens ${n}.`, `Choose at most ${n}.`))
      }
      return pick(t(`Kies een getal van hoogstens ${n}.`, `Choose a number of at most ${n}.`))
    }
    case 'invalid_format':
      if (issue.format === 'email') {
        return pick(
          t(
            'Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.',
            'Enter a valid e-mail address, such as name@example.com.',
          ),
        )
      }
      if (issue.format === 'url') return pick(CUSTOM_MESSAGES.linkScheme)
      if (issue.format === 'date' || issue.format === 'datetime') {
        return pick(t('Vul een geldige datum in.', 'Enter a valid date.'))
      }
      return pick(t('Deze waarde heeft niet de goede vorm.', 'This value does not have the right form.'))
    case 'invalid_value':
      return pick(t('Kies een van de mogelijkheden.', 'Choose one of the options.'))
    case 'invalid_type':
      if (issue.expected === 'number' || issue.expected === 'int') {
        return pick(t('Vul een getal in.', 'Enter a number.'))
      }
      if (issue.expected === 'string') return pick(t('Vul hier tekst in.', 'Enter text here.'))
      return pick(t('Deze waarde klopt niet.', 'This value is not valid.'))
    default:
      return pick(t('Deze waarde klopt niet.', 'This value is not valid.'))
  }
}
