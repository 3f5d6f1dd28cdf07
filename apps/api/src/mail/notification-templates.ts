import {
  type Channel,
  type DeclineReason,
  type IdeaStatus,
  type Locale,
  type NotificationKind,
  type NotificationReason,
  STATUS_LABELS_NL,
} from '@meedenken/shared'

/** What a notification mail needs of one notification; read by notify/mail-notifications.ts. */
export type MailItem = {
  kind: NotificationKind
  reason: NotificationReason
  ideaId: number | null
  ideaTitle: string | null
  ideaChannel: Channel | null
  ideaStatus: IdeaStatus | null
  departmentName: string | null
  departmentNameEn: string | null
  mergedIntoTitle: string | null
  status: IdeaStatus | null
  explanation: string | null
  declineReason: DeclineReason | null
  referredTo: string | null
  closure: { whatChanged: string; since: string; team: string; link: string | null } | null
  commentId: number | null
  /** Words the municipality wrote (an answer, an update): sent as written. */
  staffText: string | null
  /** Words a member wrote (a comment, an idea): sent shortened and without links. */
  memberText: string | null
  campaignTitle: string | null
  /** For reminders to staff: the response norm in working days, or days without an update. */
  normDays: number
  daysWithoutNews: number | null
}

export const STATUS_EN: Record<IdeaStatus, string> = {
  new: 'New',
  under_review: 'Under review',
  planned: 'Planned',
  in_progress: 'In progress',
  done: 'Done',
  declined: 'Not carried out',
  merged: 'Merged',
}

const DECLINE = {
  nl: {
    not_municipal_task: 'Geen taak van de gemeente',
    legal: 'Mag niet volgens de wet',
    budget: 'Geen geld voor',
    policy: 'Past niet bij het beleid',
    other: 'Andere reden',
  },
  en: {
    not_municipal_task: 'Not a task of the municipality',
    legal: 'Not allowed by law',
    budget: 'No budget',
    policy: 'Does not fit the policy',
    other: 'Other reason',
  },
} satisfies Record<Locale, Record<DeclineReason, string>>

const CHANNEL = {
  nl: {
    web: 'via de website',
    phone: 'via de telefoon',
    desk: 'aan de balie',
    letter: 'per brief',
    email: 'per e-mail',
  },
  en: { web: 'through the website', phone: 'by phone', desk: 'at the desk', letter: 'by letter', email: 'by e-mail' },
} satisfies Record<Locale, Record<Channel, string>>

/** "via de telefoon", "by letter": how an idea came in, to follow a verb. */
export const channelPhrase = (channel: Channel, locale: Locale) => CHANNEL[locale][channel]

/** Reasons that make the person a member of the public rather than staff at work. */
const MEMBER_REASONS: readonly NotificationReason[] = ['author', 'voter', 'follower', 'comment_author', 'target_group']
export const isStaffReason = (reason: NotificationReason) => !MEMBER_REASONS.includes(reason)

const EXCERPT_CHARACTERS = 280
// Anything a mail program would turn into a link: with a scheme, with www., or a bare domain.
const LINK = /\b(?:https?:\/\/|www\.)\S+|\b(?:[a-z0-9-]+\.)+[a-z]{2,}(?:\/\S*)?/gi

/**
 * What a member wrote, fit to send from the municipality's address: no links (a link in a
 * mail from the municipality would carry its trust), at most a few lines.
 */
export function memberExcerpt(text: string, locale: Locale): string {
  return shortened(text.replace(LINK, locale === 'en' ? '[link removed]' : '[link weggelaten]'))
}

/** One paragraph of at most a few lines, cut at a word. */
export function shortened(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= EXCERPT_CHARACTERS) return flat
  const cut = flat.slice(0, EXCERPT_CHARACTERS)
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), EXCERPT_CHARACTERS - 40)).trimEnd()} …`
}

function statusLabel(status: IdeaStatus | null, locale: Locale): string {
  if (!status) return ''
  return locale === 'en' ? STATUS_EN[status] : STATUS_LABELS_NL[status]
}

function longDate(isoDate: string, locale: Locale): string {
  const ms = Date.parse(`${isoDate}T00:00:00Z`)
  if (Number.isNaN(ms)) return isoDate
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(ms)
}

const quote = (text: string | null) => (text ? `\n\n${text.trim()}` : '')
/** "Lead:" and the text below it; "Lead." when the text is gone (hidden by a moderator, erased). */
const said = (lead: string, text: string | null) => (text ? `${lead}:\n\n${text.trim()}` : `${lead}.`)

/** What happened, in a few lines: the answer, the explanation, the update, the comment. */
export function whatHappened(item: MailItem, locale: Locale): string {
  const en = locale === 'en'
  const member = item.memberText === null ? null : memberExcerpt(item.memberText, locale)
  const rate = isStaffReason(item.reason)
    ? ''
    : en
      ? "\n\nHow satisfied are you? You can say so on the idea's page."
      : '\n\nHoe tevreden bent u hierover? Dat kunt u zeggen op de pagina van het idee.'
  switch (item.kind) {
    case 'status_changed': {
      const lines = [
        en
          ? `The status is now: ${statusLabel(item.status, locale)}.`
          : `De status is nu: ${statusLabel(item.status, locale)}.`,
      ]
      if (item.explanation) {
        lines.push(
          en
            ? `The municipality's explanation:${quote(item.explanation)}`
            : `Uitleg van de gemeente:${quote(item.explanation)}`,
        )
      }
      if (item.declineReason) {
        const reason = en ? `Reason: ${DECLINE.en[item.declineReason]}` : `Reden: ${DECLINE.nl[item.declineReason]}`
        const referral = item.referredTo
          ? en
            ? `\nReferred to: ${item.referredTo}`
            : `\nDoorgestuurd naar: ${item.referredTo}`
          : ''
        lines.push(reason + referral)
      }
      if (item.closure) {
        const c = item.closure
        const more = c.link ? (en ? `\nMore information:\n${c.link}` : `\nMeer informatie:\n${c.link}`) : ''
        lines.push(
          en
            ? `What changed: ${c.whatChanged}\nSince: ${longDate(c.since, locale)}\nDone by: ${c.team}${more}`
            : `Wat is er veranderd: ${c.whatChanged}\nSinds: ${longDate(c.since, locale)}\nGedaan door: ${c.team}${more}`,
        )
      }
      return lines.join('\n\n') + rate
    }
    case 'official_answer':
      return said(en ? 'The municipality has answered' : 'De gemeente heeft gereageerd', item.staffText) + rate
    case 'progress_update':
      return en
        ? said('There is news about the work', item.staffText)
        : said('Er is nieuws over de uitvoering', item.staffText)
    case 'reply':
      return en
        ? said('Someone replied to your comment', member)
        : said('Iemand heeft gereageerd op uw reactie', member)
    case 'new_comment':
      return en ? said('Someone commented on your idea', member) : said('Iemand heeft gereageerd op uw idee', member)
    case 'merged': {
      const into = item.mergedIntoTitle
      const head = into
        ? en
          ? `This idea was merged with “${into}”. You now follow that idea.`
          : `Dit idee is samengevoegd met “${into}”. U volgt nu dat idee.`
        : en
          ? 'This idea was merged with another idea. You now follow that idea.'
          : 'Dit idee is samengevoegd met een ander idee. U volgt nu dat idee.'
      const why = item.explanation
        ? en
          ? `\n\nThe municipality's explanation:${quote(item.explanation)}`
          : `\n\nUitleg van de gemeente:${quote(item.explanation)}`
        : ''
      return head + why
    }
    case 'followup_question':
      return en
        ? 'This idea was carried out a while ago. Did it help? Let us know.'
        : 'Dit idee is een tijd geleden uitgevoerd. Heeft het geholpen? Laat het ons weten.'
    case 'campaign_opened':
      return en ? 'The municipality would like to hear from you.' : 'De gemeente wil graag uw mening horen.'
    case 'new_idea':
      return en ? said('A new idea came in', member) : said('Er is een nieuw idee binnengekomen', member)
    case 'idea_assigned':
      return item.reason === 'assignee'
        ? en
          ? 'This idea was assigned to you.'
          : 'Dit idee is aan u toegewezen.'
        : en
          ? 'This idea was handed to your department.'
          : 'Dit idee is doorgestuurd naar uw afdeling.'
    case 'idea_overdue':
      return en
        ? `This idea has no first answer yet, and the term of ${item.normDays} working days has passed. Please answer as soon as you can.`
        : `Dit idee heeft nog geen eerste antwoord, en de termijn van ${item.normDays} werkdagen is voorbij. Geef zo snel mogelijk een antwoord.`
    case 'idea_stale':
      return en
        ? `This idea is “${statusLabel(item.ideaStatus, locale)}”, but there has been no public news about it for ${item.daysWithoutNews ?? 0} days. Post an update, so its followers know how it is going.`
        : `Dit idee staat op “${statusLabel(item.ideaStatus, locale)}”, maar er is al ${item.daysWithoutNews ?? 0} dagen geen openbaar nieuws over. Plaats een update, zodat de volgers weten hoe het gaat.`
    case 'report_new':
      return item.commentId !== null
        ? en
          ? 'Someone reported a comment on this idea. Please look at it in moderation.'
          : 'Iemand heeft een reactie bij dit idee gemeld. Bekijk de melding bij moderatie.'
        : en
          ? 'Someone reported this idea. Please look at it in moderation.'
          : 'Iemand heeft dit idee gemeld. Bekijk de melding bij moderatie.'
    default:
      return en ? 'There is news.' : 'Er is nieuws.'
  }
}

/** Why the person gets this, one sentence per reason. */
export function reasonLine(item: MailItem, locale: Locale): string {
  const en = locale === 'en'
  const prefix = en ? 'You get this message because ' : 'U krijgt dit bericht omdat '
  const channel = item.ideaChannel ?? 'web'
  const department = en ? item.departmentNameEn : item.departmentName
  const because: Record<NotificationReason, string> = en
    ? {
        author: channel === 'web' ? 'this is your idea.' : `you sent in this idea ${CHANNEL.en[channel]}.`,
        voter: 'you voted for this idea.',
        follower: 'you follow this idea.',
        comment_author: 'you wrote the comment someone replied to.',
        department: department ? `you work in the department ${department}.` : "you work in this idea's department.",
        assignee: 'this idea is assigned to you.',
        staff: 'you are staff, and this idea is not with a colleague or department yet.',
        target_group: 'the municipality asks this question of a group you belong to.',
      }
    : {
        author: channel === 'web' ? 'dit uw idee is.' : `u dit idee indiende ${CHANNEL.nl[channel]}.`,
        voter: 'u op dit idee hebt gestemd.',
        follower: 'u dit idee volgt.',
        comment_author: 'u de reactie schreef waarop iemand antwoordde.',
        department: department
          ? `u medewerker bent van de afdeling ${department}.`
          : 'u medewerker bent van de afdeling van dit idee.',
        assignee: 'dit idee aan u is toegewezen.',
        staff: 'u medewerker bent van de gemeente, en dit idee nog niet bij een collega of afdeling ligt.',
        target_group: 'de gemeente deze vraag stelt aan een groep waar u bij hoort.',
      }
  return prefix + because[item.reason]
}

/** The subject of a mail about one notification. */
export function subjectFor(item: MailItem, locale: Locale): string {
  const en = locale === 'en'
  const title = item.ideaTitle ?? ''
  switch (item.kind) {
    case 'status_changed':
      return en ? `New status for: ${title}` : `Nieuwe status voor: ${title}`
    case 'official_answer':
      return en ? `The municipality has answered: ${title}` : `De gemeente heeft gereageerd op: ${title}`
    case 'progress_update':
      return en ? `News about the work on: ${title}` : `Nieuws over de uitvoering van: ${title}`
    case 'reply':
      return en ? `A reply to your comment on: ${title}` : `Iemand reageerde op uw reactie bij: ${title}`
    case 'new_comment':
      return en ? `New comment on: ${title}` : `Nieuwe reactie op: ${title}`
    case 'merged':
      return en ? `Merged: ${title}` : `Samengevoegd: ${title}`
    case 'followup_question':
      return en ? `Did it help? ${title}` : `Heeft het geholpen? ${title}`
    case 'campaign_opened':
      return en
        ? `New question from the municipality: ${item.campaignTitle ?? ''}`
        : `Nieuwe meedenkvraag: ${item.campaignTitle ?? ''}`
    case 'new_idea':
      return item.reason === 'department'
        ? en
          ? `New idea for your department: ${title}`
          : `Nieuw idee voor uw afdeling: ${title}`
        : en
          ? `New idea: ${title}`
          : `Nieuw idee: ${title}`
    case 'idea_assigned':
      return item.reason === 'assignee'
        ? en
          ? `Assigned to you: ${title}`
          : `Aan u toegewezen: ${title}`
        : en
          ? `Handed to your department: ${title}`
          : `Naar uw afdeling: ${title}`
    case 'idea_overdue':
      return en ? `Past the response term: ${title}` : `Termijn voorbij: ${title}`
    case 'idea_stale':
      return en ? `No news for a long time: ${title}` : `Lang geen nieuws: ${title}`
    case 'report_new':
      return en ? `New report to review: ${title}` : `Nieuwe melding om te beoordelen: ${title}`
    default:
      return en ? `News about: ${title}` : `Nieuws over: ${title}`
  }
}
