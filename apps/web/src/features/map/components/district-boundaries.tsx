import { type DistrictBoundary, readDistrictBoundary } from '@meedenken/shared'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-map'
import { errorText } from '../../../lib/errors'
import { currentLocale } from '../../../lib/i18n'
import { Button } from '../../../ui/button'
import { Field, TextInput } from '../../../ui/form'
import { clearBoundary, mapKeys, outlinesQuery, setBoundary } from '../api/map-queries'

type District = { id: number; name: string; archived: boolean }

/** What the API takes in one request (64 KiB), less room for the request's own bytes. */
const MAX_BYTES = 63 * 1024

/** Six decimals (about 10 cm): the same outline in fewer bytes. */
function rounded(boundary: DistrictBoundary): DistrictBoundary {
  const r = (n: number) => Math.round(n * 1e6) / 1e6
  const ring = (points: [number, number][]) => points.map(([x, y]) => [r(x), r(y)] as [number, number])
  return boundary.type === 'Polygon'
    ? { type: 'Polygon', coordinates: boundary.coordinates.map(ring) }
    : { type: 'MultiPolygon', coordinates: boundary.coordinates.map((p) => p.map(ring)) }
}

/**
 * "Grenzen op de kaart": an administrator loads each village's or district's outline from a
 * GeoJSON file, so that a place chosen for an idea suggests its district. The file is checked
 * here first with the API's own rule (readDistrictBoundary), so the message comes at once.
 */
export function DistrictBoundaries({ districts }: { districts: District[] }) {
  const { t } = useTranslation('map')
  const outlines = useQuery(outlinesQuery)
  const has = new Set((outlines.data?.items ?? []).map((o) => o.districtId))
  const [message, setMessage] = useState('')
  return (
    <section className="section" aria-labelledby="boundaries-title">
      <h2 id="boundaries-title">{t('boundary.title')}</h2>
      <p>{t('boundary.intro')}</p>
      <ul className="department-list">
        {districts
          .filter((d) => !d.archived)
          .map((d) => (
            <li key={d.id}>
              <BoundaryForm district={d} hasOutline={has.has(d.id)} onDone={setMessage} />
            </li>
          ))}
      </ul>
      <p role="status">{message}</p>
    </section>
  )
}

function BoundaryForm({
  district,
  hasOutline,
  onDone,
}: {
  district: District
  hasOutline: boolean
  onDone: (message: string) => void
}) {
  const { t } = useTranslation('map')
  const qc = useQueryClient()
  const [error, setError] = useState<string | undefined>()
  const refresh = () => qc.invalidateQueries({ queryKey: mapKeys.outlines() })
  const upload = useMutation({
    mutationFn: (boundary: DistrictBoundary) => setBoundary(district.id, boundary),
    onSuccess: async () => {
      await refresh()
      onDone(t('boundary.saved', { district: district.name }))
    },
    onError: (e) => setError(errorText(e)),
  })
  const clear = useMutation({
    mutationFn: () => clearBoundary(district.id),
    onSuccess: async () => {
      await refresh()
      onDone(t('boundary.cleared', { district: district.name }))
    },
    onError: (e) => setError(errorText(e)),
  })

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (upload.isPending) return
    const file = new FormData(event.currentTarget).get('boundary')
    if (!(file instanceof File) || file.size === 0) {
      setError(t('boundary.unreadable'))
      return
    }
    let parsed: unknown
    try {
      parsed = JSON.parse(await file.text())
    } catch {
      setError(t('boundary.unreadable'))
      return
    }
    const reading = readDistrictBoundary(parsed)
    if (!reading.ok) {
      setError(reading.problem[currentLocale()])
      return
    }
    const boundary = rounded(reading.boundary)
    if (JSON.stringify(boundary).length > MAX_BYTES) {
      setError(t('boundary.tooLarge'))
      return
    }
    setError(undefined)
    upload.mutate(boundary)
  }

  return (
    <form className="form" noValidate onSubmit={(e) => void submit(e)}>
      <h3>{district.name}</h3>
      <p>{hasOutline ? t('boundary.has') : t('boundary.none')}</p>
      <Field
        name="boundary"
        id={`boundary-${district.id}`}
        label={t('boundary.file', { district: district.name })}
        error={error}
      >
        {(p) => <TextInput {...p} type="file" accept=".geojson,.json,application/geo+json,application/json" />}
      </Field>
      <div className="form__actions">
        <Button type="submit" busy={upload.isPending}>
          {t('boundary.upload')}
        </Button>
        {hasOutline && (
          <Button appearance="secondary" busy={clear.isPending} onClick={() => clear.mutate()}>
            {t('boundary.clear')}
          </Button>
        )}
      </div>
    </form>
  )
}
