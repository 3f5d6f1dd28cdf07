import { DEPARTMENT_NAME } from '@meedenken/shared/constants'
import type { Ref } from 'react'
import type { Form } from '../../../lib/use-form'
import { Field, TextInput } from '../../../ui/form'

/** A department's name in Dutch and in English: the fields `name` and `nameEn` of the form. */
export function DepartmentNameFields({
  form,
  initial,
  firstField,
}: {
  form: Form
  initial?: { name: string; nameEn: string }
  firstField?: Ref<HTMLInputElement>
}) {
  return (
    <>
      <Field {...form.field('name')}>
        {(p) => (
          <TextInput {...p} ref={firstField} type="text" maxLength={DEPARTMENT_NAME.max} defaultValue={initial?.name} />
        )}
      </Field>
      <Field {...form.field('nameEn')}>
        {(p) => (
          <TextInput {...p} type="text" lang="en" maxLength={DEPARTMENT_NAME.max} defaultValue={initial?.nameEn} />
        )}
      </Field>
    </>
  )
}
