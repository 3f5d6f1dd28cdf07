import { errorText, fieldErrors } from '../../lib/errors'
import { ErrorSummary, type FieldErrors } from '../../ui/form'
import { scopeErrors } from './field-scope'

/** What went wrong with a form; `attempt` makes the summary take focus again for the same problem. */
export type Problem = { errors: FieldErrors; message?: string | undefined; attempt: number }

/** The API's answer as a problem: its field errors under this form's scope, or its sentence. */
export function problemFrom(scope: string, error: unknown): Problem {
  const fields = scopeErrors(scope, fieldErrors(error))
  return {
    errors: fields,
    message: Object.keys(fields).length === 0 ? errorText(error) : undefined,
    attempt: Date.now(),
  }
}

export function localProblem(errors: FieldErrors): Problem | null {
  return Object.keys(errors).length > 0 ? { errors, attempt: Date.now() } : null
}

export function FormProblem({ problem, labels }: { problem: Problem | null; labels: Record<string, string> }) {
  if (!problem) return null
  return <ErrorSummary key={problem.attempt} errors={problem.errors} labels={labels} message={problem.message} />
}
