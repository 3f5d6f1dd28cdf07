import type { REPORT_NOTE_MAX } from '@meedenken/shared'

// Copied from @meedenken/shared, whose module also holds the zod schemas that must stay out
// of the bundle; the annotation makes the compiler fail if the two drift apart.
export const NOTE_MAX: typeof REPORT_NOTE_MAX = 500
