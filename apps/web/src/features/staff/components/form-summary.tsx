import type { Form } from '../../../lib/use-form'
import { ErrorSummary } from '../../../ui/form'

/** The list of a form's problems, above the form; it takes focus again at every try. */
export function FormSummary({ form }: { form: Form }) {
  const { problem } = form
  if (!problem) return null
  return <ErrorSummary key={problem.attempt} errors={problem.errors} labels={form.labels} message={problem.message} />
}
