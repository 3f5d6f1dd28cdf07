/**
 * Lengths, ranges and caps the API checks, as plain values: the zod schemas use them, and the
 * web app's forms import them (through `@meedenken/shared/constants`, which has no zod) for
 * `maxLength`, `min`/`max` and their own first check. One number, one place.
 */

export const DISPLAY_NAME = { min: 2, max: 60 } as const
export const EMAIL_MAX = 254

export const IDEA_TITLE = { min: 10, max: 120 } as const
export const IDEA_BODY = { min: 20, max: 5000 } as const
export const COMMENT_BODY = { min: 1, max: 2000 } as const
/** Words to search ideas for: the public list, the Werkbak, the merge search. */
export const SEARCH_MAX = 200

/** The public explanation of a status change or a merge. */
export const EXPLANATION = { min: 20, max: 2000 } as const
export const EXPLANATION_MIN = EXPLANATION.min
export const REFERRED_TO = { min: 2, max: 200 } as const
/** "Jij zei, wij deden": what changed, since when, which team, and a link. */
export const CLOSURE = { whatChanged: { min: 10, max: 1000 }, team: { min: 2, max: 120 }, linkMax: 500 } as const
export const NOTE_BODY = { min: 1, max: 4000 } as const
export const ASSIGN_NOTE_MAX = 1000
export const PROGRESS_UPDATE = { min: 20, max: 2000 } as const
export const CORRECTION_REASON = { min: 10, max: 300 } as const
/** Hiding or restoring something, blocking or unblocking someone: the reason for the record. */
export const MODERATION_REASON = { min: 5, max: 500 } as const
export const ANSWER_TEMPLATE_TITLE = { min: 3, max: 80 } as const
export const ANSWER_TEMPLATE_BODY = { min: 10, max: 2000 } as const

export const CAMPAIGN_TITLE = { min: 10, max: 120 } as const
export const CAMPAIGN_DESCRIPTION = { min: 20, max: 5000 } as const
export const CAMPAIGN_OUTCOME = { min: 20, max: 5000 } as const

export const DEPARTMENT_NAME = { min: 2, max: 80 } as const
/** A theme's or a village's name (a theme has one in Dutch and one in English). */
export const CATALOG_NAME = { min: 2, max: 60 } as const
export const THEME_NAME_MAX = CATALOG_NAME.max
export const THEME_DESCRIPTION_MAX = 300
/** The settings an administrator can change, in whole days or weeks. */
export const SETTING_RANGES = {
  responseNormDays: { min: 1, max: 60 },
  staleAfterDays: { min: 7, max: 180 },
  followupWeeks: { min: 1, max: 52 },
} as const
/** Part of a name (administrators: or of an e-mail address) to find a member by. */
export const MEMBER_SEARCH = { min: 2, max: 100 } as const

/** Werkbak tab counts stop here: "1000 of meer". */
export const WERKBAK_COUNT_CAP = 1000
/** A Werkbak download holds at most this many ideas. */
export const WERKBAK_EXPORT_MAX = 5000
