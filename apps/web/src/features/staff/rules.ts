/**
 * Lengths the API asks for (packages/shared, staff.ts and cocreation.ts). Repeated here as
 * plain numbers: importing them would pull the schema library into the staff pages.
 */
export const EXPLANATION_MIN = 20
export const CLOSURE = { whatChangedMin: 10, teamMin: 2 } as const
export const REFERRED_TO_MIN = 2
export const UPDATE_MIN = 20
export const MODERATION_REASON_MIN = 5
export const OUTCOME_MIN = 20
export const IDEA_TITLE = { min: 10, max: 120 } as const
export const IDEA_BODY = { min: 20, max: 5000 } as const
export const DISPLAY_NAME = { min: 2, max: 60 } as const
export const CAMPAIGN_TITLE = { min: 10, max: 120 } as const
export const CAMPAIGN_DESCRIPTION = { min: 20, max: 5000 } as const
export const DEPARTMENT_NAME = { min: 2, max: 80 } as const
/** The channels staff enter ideas for; "web" is the residents' own. */
export const INTAKE_CHANNELS = ['phone', 'desk', 'letter', 'email'] as const
/** Tab counts stop here (the API's WERKBAK_COUNT_CAP): "1000 of meer". */
export const WERKBAK_COUNT_CAP = 1000
/** A Werkbak download holds at most this many ideas (the API's WERKBAK_EXPORT_MAX). */
export const WERKBAK_EXPORT_MAX = 5000
export const CORRECTION_REASON = { min: 10, max: 300 } as const
export const ANSWER_TEMPLATE_TITLE = { min: 3, max: 80 } as const
export const ANSWER_TEMPLATE_BODY = { min: 10, max: 2000 } as const
