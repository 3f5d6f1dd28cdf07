import { displayNameProblem, type Locale } from '@meedenken/shared'

export type MailContent = { subject: string; text: string }

const SIGNATURE = {
  nl: '\n\nMet vriendelijke groet,\nGemeente Midden-Groningen — Meedenken\n\nHebt u vragen? Bel 14 0598.',
  en: '\n\nKind regards,\nMunicipality of Midden-Groningen — Meedenken\n\nQuestions? Call 14 0598.',
}

/**
 * The greeting line. A name goes into a mail only when its address is verified (the caller
 * passes null otherwise: anyone can type any address at sign-up, and the name would then be
 * text of their choosing sent from the municipality), and only when it follows today's rule
 * (names stored before it may hold line breaks or links).
 */
export function greeting(locale: Locale, name: string | null): string {
  const usable = name !== null && displayNameProblem(name) === null ? name : null
  if (locale === 'en') return usable ? `Hello ${usable},` : 'Hello,'
  return usable ? `Beste ${usable},` : 'Beste lezer,'
}

/** Plain-text mails in the person's language; every link on a line of its own. */
export const mailTemplates = {
  /** Always to an address not yet verified: no name. */
  verifyEmail: (locale: Locale, link: string): MailContent =>
    locale === 'en'
      ? {
          subject: 'Confirm your e-mail address for Meedenken',
          text: `${greeting(locale, null)}\n\nThank you for signing up for Meedenken. Please confirm your e-mail address with this link:\n\n${link}\n\nThe link works once and for 24 hours. Did you not sign up? Then you can ignore this e-mail.${SIGNATURE.en}`,
        }
      : {
          subject: 'Bevestig uw e-mailadres voor Meedenken',
          text: `${greeting(locale, null)}\n\nBedankt voor uw aanmelding bij Meedenken. Bevestig uw e-mailadres met deze link:\n\n${link}\n\nDe link werkt één keer en 24 uur lang. Hebt u zich niet aangemeld? Dan kunt u deze e-mail negeren.${SIGNATURE.nl}`,
        },

  /**
   * A sign-up for an address whose account is not confirmed yet (an earlier sign-up, or an
   * account staff made for an idea received by phone or letter). Whoever reads this mailbox
   * chooses the password: a sign-up never sets it.
   */
  claimAccount: (locale: Locale, link: string): MailContent =>
    locale === 'en'
      ? {
          subject: 'Choose a password for your Meedenken account',
          text: `${greeting(locale, null)}\n\nSomeone tried to sign up for Meedenken with this e-mail address. An account for this address already exists, but it has not been confirmed yet.\n\nDo you want to use it? Then choose a password with this link:\n\n${link}\n\nThe link works once and for 24 hours. Was this not you? Then you can ignore this e-mail. Nothing has changed.${SIGNATURE.en}`,
        }
      : {
          subject: 'Kies een wachtwoord voor uw account bij Meedenken',
          text: `${greeting(locale, null)}\n\nIemand probeerde zich aan te melden bij Meedenken met dit e-mailadres. Er is al een account voor dit adres, maar het is nog niet bevestigd.\n\nWilt u dit account gebruiken? Kies dan een wachtwoord met deze link:\n\n${link}\n\nDe link werkt één keer en 24 uur lang. Was u dit niet? Dan kunt u deze e-mail negeren. Er is niets veranderd.${SIGNATURE.nl}`,
        },

  alreadyRegistered: (locale: Locale, loginLink: string, resetLink: string): MailContent =>
    locale === 'en'
      ? {
          subject: 'You already have a Meedenken account',
          text: `Hello,\n\nSomeone tried to sign up for Meedenken with this e-mail address. You already have an account.\n\nLog in here:\n${loginLink}\n\nForgot your password? Choose a new one here:\n${resetLink}\n\nWas this not you? Then you can ignore this e-mail. Nothing has changed.${SIGNATURE.en}`,
        }
      : {
          subject: 'U hebt al een account bij Meedenken',
          text: `Beste deelnemer,\n\nIemand probeerde zich aan te melden bij Meedenken met dit e-mailadres. U hebt al een account.\n\nInloggen kan hier:\n${loginLink}\n\nWachtwoord vergeten? Kies hier een nieuw wachtwoord:\n${resetLink}\n\nWas u dit niet? Dan kunt u deze e-mail negeren. Er is niets veranderd.${SIGNATURE.nl}`,
        },

  /**
   * The receipt for an idea staff entered on someone's behalf (phone, desk, letter, e-mail),
   * sent to the address the person gave the civil servant. `name` only when that address was
   * confirmed before; `claimLink` (choose a password, 24 hours) only when it was not.
   */
  intakeReceipt: (
    locale: Locale,
    input: {
      name: string | null
      title: string
      channel: string
      ideaLink: string
      normDays: number
      claimLink: string | null
      loginLink: string
      forgotLink: string
      unsubscribeLink: string
    },
  ): MailContent =>
    locale === 'en'
      ? {
          subject: `We have received your idea: ${input.title}`,
          text: `${greeting(locale, input.name)}\n\nWe have received your idea ${input.channel}. A member of staff has put it on Meedenken for you:\n\n${input.title}\n${input.ideaLink}\n\nWhat happens now? Someone at the municipality looks at your idea. You get a first answer within ${input.normDays} working days. When the municipality answers, or something about your idea changes, we let you know at this e-mail address.\n\n${
            input.claimLink
              ? `Do you want to log in yourself, to vote or comment? Then choose a password:\n\n${input.claimLink}\n\nThe link works once and for 24 hours. You can also do this later: ask for a new link with "Forgot your password":\n${input.forgotLink}`
              : `You can also follow your idea on Meedenken. Log in here:\n${input.loginLink}`
          }${SIGNATURE.en}\n\n--\nYou get this e-mail because you sent in this idea ${input.channel} and gave us this e-mail address.\nNo more e-mail? Unsubscribe with one click:\n${input.unsubscribeLink}\n`,
        }
      : {
          subject: `Wij hebben uw idee ontvangen: ${input.title}`,
          text: `${greeting(locale, input.name)}\n\nWij hebben uw idee ontvangen ${input.channel}. Een medewerker heeft het voor u op Meedenken gezet:\n\n${input.title}\n${input.ideaLink}\n\nWat gebeurt er nu? Een medewerker van de gemeente bekijkt uw idee. U krijgt binnen ${input.normDays} werkdagen een eerste antwoord. Reageert de gemeente, of verandert er iets aan uw idee? Dan krijgt u bericht op dit e-mailadres.\n\n${
            input.claimLink
              ? `Wilt u zelf inloggen om te stemmen of te reageren? Kies dan een wachtwoord:\n\n${input.claimLink}\n\nDe link werkt één keer en 24 uur lang. Later kan het ook nog: vraag dan een nieuwe link aan via "Wachtwoord vergeten":\n${input.forgotLink}`
              : `U kunt uw idee ook volgen op Meedenken. Log hier in:\n${input.loginLink}`
          }${SIGNATURE.nl}\n\n--\nU krijgt deze e-mail omdat u dit idee indiende ${input.channel} en dit e-mailadres aan ons gaf.\nGeen e-mail meer ontvangen? Meld u af met één klik:\n${input.unsubscribeLink}\n`,
        },

  /** `name` only for a verified address, else null. */
  resetPassword: (locale: Locale, name: string | null, link: string): MailContent =>
    locale === 'en'
      ? {
          subject: 'Choose a new password for Meedenken',
          text: `${greeting(locale, name)}\n\nYou asked for a new password. Choose one with this link:\n\n${link}\n\nThe link works once and for 1 hour. Did you not ask for this? Then you can ignore this e-mail; your password stays the same.${SIGNATURE.en}`,
        }
      : {
          subject: 'Kies een nieuw wachtwoord voor Meedenken',
          text: `${greeting(locale, name)}\n\nU vroeg om een nieuw wachtwoord. Kies een nieuw wachtwoord met deze link:\n\n${link}\n\nDe link werkt één keer en 1 uur lang. Hebt u hier niet om gevraagd? Dan kunt u deze e-mail negeren. Uw wachtwoord blijft hetzelfde.${SIGNATURE.nl}`,
        },

  /** `name` only for a verified address, else null. */
  passwordChanged: (locale: Locale, name: string | null, resetLink: string): MailContent =>
    locale === 'en'
      ? {
          subject: 'Your Meedenken password was changed',
          text: `${greeting(locale, name)}\n\nThe password of your Meedenken account was just changed. Was this you? Then you need to do nothing.\n\nWas this not you? Choose a new password at once:\n${resetLink}${SIGNATURE.en}`,
        }
      : {
          subject: 'Uw wachtwoord voor Meedenken is gewijzigd',
          text: `${greeting(locale, name)}\n\nHet wachtwoord van uw account bij Meedenken is zojuist gewijzigd. Was u dit? Dan hoeft u niets te doen.\n\nWas u dit niet? Kies dan meteen een nieuw wachtwoord:\n${resetLink}${SIGNATURE.nl}`,
        },
}
