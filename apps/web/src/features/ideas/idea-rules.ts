import type { IDEA_BODY, IDEA_TITLE } from '@meedenken/shared'

/**
 * The API's length rules, checked here too so the form can say what is wrong before the
 * preview. The values cannot be imported at run time (that module brings zod into the
 * bundle), so they are copied; the type annotation makes the compiler fail if they drift.
 */
export const TITLE_LENGTH: typeof IDEA_TITLE = { min: 10, max: 120 }
export const BODY_LENGTH: typeof IDEA_BODY = { min: 20, max: 5000 }
