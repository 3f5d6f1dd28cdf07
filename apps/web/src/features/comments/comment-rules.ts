import { COMMENT_BODY } from '@meedenken/shared/constants'

// From the constants entry, which holds no zod schemas, so the limit costs the bundle nothing.
export const COMMENT_LENGTH = COMMENT_BODY

/** How long the author may still correct a comment; the API enforces it, this only hides the button. */
export const EDIT_WINDOW_MS = 15 * 60_000
