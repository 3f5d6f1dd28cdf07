import { REPORT_NOTE_MAX, ReportBody } from '@meedenken/shared'
import { describe, expect, it } from 'vitest'
import { NOTE_MAX } from './report-rules'

describe('the report rules copied from the shared contract', () => {
  it('allow the explanation the API allows, and not a character more', () => {
    expect(NOTE_MAX).toBe(REPORT_NOTE_MAX)
    const report = { subjectType: 'idea', subjectId: 1, reason: 'spam' } as const
    expect(ReportBody.safeParse({ ...report, note: 'x'.repeat(NOTE_MAX) }).success).toBe(true)
    expect(ReportBody.safeParse({ ...report, note: 'x'.repeat(NOTE_MAX + 1) }).success).toBe(false)
  })
})
