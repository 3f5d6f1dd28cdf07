import type { COMMENT_BODY } from '@meedenken/shared'

// Copied from @meedenken/shared, whose module also holds the zod schemas that must stay
// out of the bundle. The annotation checks the lengths at compile time; a unit test
// checks the edit window.
export const COMMENT_LENGTH: typeof COMMENT_BODY = { min: 1, max: 2000 }

/** How long the author may still correct a comment; the API enforces it, this only hides the button. */
export const EDIT_WINDOW_MS = 15 * 60_000
