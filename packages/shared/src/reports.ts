import { z } from 'zod'
import { QueryId } from './common'

/** How long a reporter's own explanation may be: enough for a sentence or two, not a letter. */
export const REPORT_NOTE_MAX = 500

export const ReportReceived = z
  .object({
    message: z.string(),
    alreadyReported: z
      .boolean()
      .meta({ description: 'This person had reported it before: nothing changed, the first report stands' }),
  })
  .meta({ id: 'ReportReceived' })
export type ReportReceived = z.infer<typeof ReportReceived>

export const MyReportsQuery = z.object({ idea: QueryId })

export const MyReports = z
  .object({
    idea: z.boolean().meta({ description: 'I reported the idea itself' }),
    comments: z.array(z.number().int()).meta({ description: 'The comments on the idea that I reported' }),
    photos: z.array(z.number().int()).meta({ description: 'The photos of the idea that I reported' }),
  })
  .meta({ id: 'MyReports' })
export type MyReports = z.infer<typeof MyReports>
