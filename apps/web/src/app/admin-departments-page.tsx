import '../lib/i18n-staff'
import '../styles/staff.css'
import type { Department, InstallationSettings } from '@meedenken/shared'
import { useQuery } from '@tanstack/react-query'
import { type FormEvent, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { RequireRole } from '../features/accounts/components/require-role'
import { themesQuery } from '../features/catalog/api/catalog-queries'
import { localName } from '../features/catalog/local-name'
import { useAdministration } from '../features/staff/api/staff-mutations'
import { colleaguesQuery, departmentsQuery, settingsQuery } from '../features/staff/api/staff-queries'
import { ScrollTable } from '../features/staff/components/scroll-table'
import { AdminNav } from '../features/staff/components/staff-nav'
import { FormProblem, localProblem, type Problem, problemFrom } from '../features/staff/form-problem'
import { DEPARTMENT_NAME } from '../features/staff/rules'
import { errorText } from '../lib/errors'
import { ErrorMessage } from '../ui/error-message'
import { Field, type FieldErrors, formValues } from '../ui/form'
import { Loading } from '../ui/loading'
import { PageHeading } from '../ui/page-heading'

export function AdminDepartmentsPage() {
  const { t } = useTranslation('staff')
  return (
    <RequireRole minRole="admin">
      {() => (
        <div className="staff-page">
          <AdminNav />
          <PageHeading title={t('departments.title')}>{t('departments.title')}</PageHeading>
          <p className="lead">{t('departments.intro')}</p>
          <Departments />
          <ThemeRouting />
          <Colleagues />
          <Settings />
        </div>
      )}
    </RequireRole>
  )
}

function useDepartmentName() {
  const { t } = useTranslation('staff')
  const departments = useQuery(departmentsQuery)
  return (id: number | null) => {
    if (id === null) return t('common.noDepartment')
    const d = departments.data?.items.find((x) => x.id === id)
    return d ? localName(d) : `#${id}`
  }
}

function Departments() {
  const { t } = useTranslation('staff')
  const departments = useQuery(departmentsQuery)
  const themes = useQuery(themesQuery)
  const themeName = (id: number) => {
    const th = themes.data?.items.find((x) => x.id === id)
    return th ? localName(th) : `#${id}`
  }
  return (
    <section className="section" aria-labelledby="departments-title">
      <h2 id="departments-title">{t('departments.listTitle')}</h2>
      {departments.isPending && <Loading />}
      {departments.isError && <ErrorMessage error={departments.error} onRetry={() => void departments.refetch()} />}
      {departments.isSuccess && (
        <ul className="department-list">
          {departments.data.items.map((d) => (
            <li key={d.id}>
              <DepartmentCard department={d} themes={d.themeIds.map(themeName)} />
            </li>
          ))}
        </ul>
      )}
      <NewDepartment />
    </section>
  )
}

function nameErrors(scope: string, name: string, nameEn: string, message: string): FieldErrors {
  const found: FieldErrors = {}
  if (name.length < DEPARTMENT_NAME.min) found[`${scope}.name`] = message
  if (nameEn.length < DEPARTMENT_NAME.min) found[`${scope}.nameEn`] = message
  return found
}

function DepartmentCard({ department, themes }: { department: Department; themes: string[] }) {
  const { t } = useTranslation('staff')
  const { renameDepartment } = useAdministration()
  const [open, setOpen] = useState(false)
  const [problem, setProblem] = useState<Problem | null>(null)
  const [done, setDone] = useState('')
  const opener = useRef<HTMLButtonElement>(null)
  const firstField = useRef<HTMLInputElement>(null)
  const scope = `dept-${department.id}`
  const labels = {
    [`${scope}.name`]: t('departments.name'),
    [`${scope}.nameEn`]: t('departments.nameEn'),
  }

  useEffect(() => {
    if (open) firstField.current?.focus()
  }, [open])

  function close(message = '') {
    setOpen(false)
    setProblem(null)
    setDone(message)
    requestAnimationFrame(() => opener.current?.focus())
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (renameDepartment.isPending) return
    const v = formValues(event.currentTarget)
    const name = (v[`${scope}.name`] ?? '').trim()
    const nameEn = (v[`${scope}.nameEn`] ?? '').trim()
    const local = localProblem(
      nameErrors(scope, name, nameEn, t('departments.errors.name', { min: DEPARTMENT_NAME.min })),
    )
    if (local) {
      setProblem(local)
      return
    }
    renameDepartment.mutate(
      { id: department.id, name, nameEn },
      {
        onSuccess: () => close(t('departments.renamed', { name })),
        onError: (error) => setProblem(problemFrom(scope, error)),
      },
    )
  }

  return (
    <article className="department-card" aria-labelledby={`${scope}-title`}>
      <h3 id={`${scope}-title`}>{department.name}</h3>
      <p className="muted">
        {t('departments.inEnglish')}: <span lang="en">{department.nameEn}</span>
      </p>
      <p>
        <strong>{t('departments.themes')}:</strong> {themes.length > 0 ? themes.join(', ') : t('departments.noThemes')}
      </p>
      {open ? (
        <>
          <FormProblem problem={problem} labels={labels} />
          <form className="form form--compact" noValidate onSubmit={submit}>
            <Field
              name={`${scope}.name`}
              label={labels[`${scope}.name`] ?? ''}
              error={problem?.errors[`${scope}.name`]}
            >
              {(p) => (
                <input
                  {...p}
                  ref={firstField}
                  type="text"
                  maxLength={DEPARTMENT_NAME.max}
                  defaultValue={department.name}
                />
              )}
            </Field>
            <Field
              name={`${scope}.nameEn`}
              label={labels[`${scope}.nameEn`] ?? ''}
              error={problem?.errors[`${scope}.nameEn`]}
            >
              {(p) => (
                <input {...p} type="text" lang="en" maxLength={DEPARTMENT_NAME.max} defaultValue={department.nameEn} />
              )}
            </Field>
            <div className="form__actions">
              <button
                type="submit"
                className="button button--small"
                aria-disabled={renameDepartment.isPending || undefined}
              >
                {t('departments.save')}
              </button>
              <button type="button" className="button button--secondary button--small" onClick={() => close()}>
                {t('departments.cancel')}
              </button>
            </div>
          </form>
        </>
      ) : (
        <button
          type="button"
          className="button button--secondary button--small"
          ref={opener}
          onClick={() => setOpen(true)}
        >
          {t('departments.rename')}
          <span className="visually-hidden"> ({department.name})</span>
        </button>
      )}
      <p role="status" className="status-line status-line--success">
        {done}
      </p>
    </article>
  )
}

function NewDepartment() {
  const { t } = useTranslation('staff')
  const { createDepartment } = useAdministration()
  const form = useRef<HTMLFormElement>(null)
  const [problem, setProblem] = useState<Problem | null>(null)
  const [done, setDone] = useState('')
  const labels = { 'newDept.name': t('departments.name'), 'newDept.nameEn': t('departments.nameEn') }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (createDepartment.isPending) return
    setDone('')
    const v = formValues(event.currentTarget)
    const name = (v['newDept.name'] ?? '').trim()
    const nameEn = (v['newDept.nameEn'] ?? '').trim()
    const local = localProblem(
      nameErrors('newDept', name, nameEn, t('departments.errors.name', { min: DEPARTMENT_NAME.min })),
    )
    if (local) {
      setProblem(local)
      return
    }
    createDepartment.mutate(
      { name, nameEn },
      {
        onSuccess: () => {
          setProblem(null)
          form.current?.reset()
          setDone(t('departments.created', { name }))
        },
        onError: (error) => setProblem(problemFrom('newDept', error)),
      },
    )
  }

  return (
    <div className="work-section">
      <h3>{t('departments.newTitle')}</h3>
      <FormProblem problem={problem} labels={labels} />
      <form className="form form--compact form--row" noValidate onSubmit={submit} ref={form}>
        <Field name="newDept.name" label={labels['newDept.name']} error={problem?.errors['newDept.name']}>
          {(p) => <input {...p} type="text" maxLength={DEPARTMENT_NAME.max} />}
        </Field>
        <Field name="newDept.nameEn" label={labels['newDept.nameEn']} error={problem?.errors['newDept.nameEn']}>
          {(p) => <input {...p} type="text" lang="en" maxLength={DEPARTMENT_NAME.max} />}
        </Field>
        <div className="form__actions">
          <button type="submit" className="button" aria-disabled={createDepartment.isPending || undefined}>
            {t('departments.add')}
          </button>
        </div>
      </form>
      <p role="status" className="status-line status-line--success">
        {done}
      </p>
    </div>
  )
}

/** A select and a save button in one table cell, with the result said next to it. */
function DepartmentSelect({
  id,
  label,
  current,
  onSave,
}: {
  id: string
  label: string
  current: number | null
  onSave: (departmentId: number | null) => Promise<unknown>
}) {
  const { t } = useTranslation('staff')
  const departments = useQuery(departmentsQuery)
  const saved = current === null ? '' : String(current)
  const [value, setValue] = useState(saved)
  // After a save the list is fetched again; the select follows what is stored.
  useEffect(() => setValue(saved), [saved])
  const [state, setState] = useState<{ pending: boolean; message: string }>({ pending: false, message: '' })

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (state.pending) return
    setState({ pending: true, message: '' })
    try {
      await onSave(value ? Number(value) : null)
      setState({ pending: false, message: t('departments.saved') })
    } catch (error) {
      setState({ pending: false, message: errorText(error) })
    }
  }

  return (
    <form className="inline-form" onSubmit={(e) => void submit(e)}>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <select
        id={id}
        value={value}
        onChange={(e) => {
          setValue(e.target.value)
          setState({ pending: false, message: '' })
        }}
      >
        <option value="">{t('common.noDepartment')}</option>
        {departments.data?.items.map((d) => (
          <option key={d.id} value={d.id}>
            {localName(d)}
          </option>
        ))}
      </select>
      <button
        type="submit"
        className="button button--small"
        disabled={value === saved}
        aria-disabled={state.pending || undefined}
      >
        {t('departments.save')}
        <span className="visually-hidden"> {label}</span>
      </button>
      <span role="status" className="status-line">
        {state.message}
      </span>
    </form>
  )
}

function ThemeRouting() {
  const { t } = useTranslation('staff')
  const themes = useQuery(themesQuery)
  const departments = useQuery(departmentsQuery)
  const { linkTheme } = useAdministration()
  const departmentOf = (themeId: number) =>
    departments.data?.items.find((d) => d.themeIds.includes(themeId))?.id ?? null
  return (
    <section className="section" aria-labelledby="routing-title">
      <h2 id="routing-title">{t('departments.routingTitle')}</h2>
      <p>{t('departments.routingIntro')}</p>
      {(themes.isPending || departments.isPending) && <Loading />}
      {themes.isSuccess && departments.isSuccess && (
        <ScrollTable captionId="routing-caption">
          <table className="table">
            <caption className="visually-hidden" id="routing-caption">
              {t('departments.routingCaption')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('departments.theme')}</th>
                <th scope="col">{t('departments.department')}</th>
              </tr>
            </thead>
            <tbody>
              {themes.data.items.map((theme) => {
                const name = localName(theme)
                return (
                  <tr key={theme.id}>
                    <th scope="row">{name}</th>
                    <td>
                      <DepartmentSelect
                        id={`theme-${theme.id}-department`}
                        label={t('departments.departmentOfTheme', { name })}
                        current={departmentOf(theme.id)}
                        onSave={(departmentId) => linkTheme.mutateAsync({ themeId: theme.id, departmentId })}
                      />
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </ScrollTable>
      )}
    </section>
  )
}

function Colleagues() {
  const { t } = useTranslation(['staff', 'admin'])
  const colleagues = useQuery(colleaguesQuery)
  const { placeColleague } = useAdministration()
  const departmentName = useDepartmentName()
  return (
    <section className="section" aria-labelledby="colleagues-title">
      <h2 id="colleagues-title">{t('departments.colleaguesTitle')}</h2>
      <p>{t('departments.colleaguesIntro')}</p>
      {colleagues.isPending && <Loading />}
      {colleagues.isError && <ErrorMessage error={colleagues.error} onRetry={() => void colleagues.refetch()} />}
      {colleagues.isSuccess && (
        <ScrollTable captionId="colleagues-caption">
          <table className="table">
            <caption className="visually-hidden" id="colleagues-caption">
              {t('departments.colleaguesCaption')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('departments.colleague')}</th>
                <th scope="col">{t('departments.role')}</th>
                <th scope="col">{t('departments.department')}</th>
              </tr>
            </thead>
            <tbody>
              {colleagues.data.items.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{c.displayName}</th>
                  <td>{t(`admin:roles.${c.role}`)}</td>
                  <td>
                    <DepartmentSelect
                      id={`colleague-${c.id}-department`}
                      label={t('departments.departmentOf', {
                        name: c.displayName,
                        current: departmentName(c.departmentId),
                      })}
                      current={c.departmentId}
                      onSave={(departmentId) => placeColleague.mutateAsync({ userId: c.id, departmentId })}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
    </section>
  )
}

function Settings() {
  const { t } = useTranslation('staff')
  const settings = useQuery(settingsQuery)
  return (
    <section className="section" aria-labelledby="settings-title">
      <h2 id="settings-title">{t('settings.title')}</h2>
      <p>{t('settings.intro')}</p>
      {settings.isPending && <Loading />}
      {settings.isError && <ErrorMessage error={settings.error} onRetry={() => void settings.refetch()} />}
      {settings.isSuccess && <SettingsForm settings={settings.data} />}
    </section>
  )
}

const SETTING_FIELDS = ['responseNormDays', 'staleAfterDays', 'followupWeeks'] as const

function SettingsForm({ settings }: { settings: InstallationSettings }) {
  const { t } = useTranslation('staff')
  const { saveSettings } = useAdministration()
  const [problem, setProblem] = useState<Problem | null>(null)
  const [done, setDone] = useState('')
  const labels: Record<string, string> = {
    'settings.responseNormDays': t('settings.responseNormDays'),
    'settings.staleAfterDays': t('settings.staleAfterDays'),
    'settings.followupWeeks': t('settings.followupWeeks'),
  }
  const hints = {
    responseNormDays: t('settings.responseNormDaysHint'),
    staleAfterDays: t('settings.staleAfterDaysHint'),
    followupWeeks: t('settings.followupWeeksHint'),
  }
  const bounds = { responseNormDays: [1, 60], staleAfterDays: [7, 180], followupWeeks: [1, 52] } as const

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (saveSettings.isPending) return
    setDone('')
    const v = formValues(event.currentTarget)
    const values = Object.fromEntries(
      SETTING_FIELDS.map((f) => [f, Number(v[`settings.${f}`] ?? '')]),
    ) as InstallationSettings
    const found: FieldErrors = {}
    for (const f of SETTING_FIELDS) {
      const [min, max] = bounds[f]
      const n = values[f]
      if (!Number.isInteger(n) || n < min || n > max) found[`settings.${f}`] = t('settings.errors.range', { min, max })
    }
    const local = localProblem(found)
    if (local) {
      setProblem(local)
      return
    }
    saveSettings.mutate(values, {
      onSuccess: () => {
        setProblem(null)
        setDone(t('settings.saved'))
      },
      onError: (error) => setProblem(problemFrom('settings', error)),
    })
  }

  return (
    <>
      <FormProblem problem={problem} labels={labels} />
      <form className="form form--narrow" noValidate onSubmit={submit}>
        {SETTING_FIELDS.map((f) => (
          <Field
            key={f}
            name={`settings.${f}`}
            label={labels[`settings.${f}`] ?? ''}
            hint={hints[f]}
            error={problem?.errors[`settings.${f}`]}
          >
            {(p) => (
              <input
                {...p}
                type="number"
                inputMode="numeric"
                className="input--number"
                min={bounds[f][0]}
                max={bounds[f][1]}
                step={1}
                defaultValue={settings[f]}
              />
            )}
          </Field>
        ))}
        <div className="form__actions">
          <button type="submit" className="button" aria-disabled={saveSettings.isPending || undefined}>
            {t('settings.save')}
          </button>
        </div>
      </form>
      <p role="status" className="status-line status-line--success">
        {done}
      </p>
    </>
  )
}
