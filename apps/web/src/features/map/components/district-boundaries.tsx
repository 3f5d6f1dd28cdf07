import { type DistrictBoundary, readDistrictBoundary } from '@meedenken/shared'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-map'
import { errorText } from '../../../lib/errors'
import { currentLocale } from '../../../lib/i18n'
import { Button } from '../../../ui/button'
import { Field, Select, TextInput } from '../../../ui/form'
import { clearBoundary, mapKeys, outlinesQuery, setBoundary } from '../api/map-queries'
import '../map.css'

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
 * "Grenzen op de kaart": an administrator loads a village's or district's outline from a GeoJSON
 * file, so that a place chosen for an idea suggests its district. One form (which district,
 * which file) and a list saying which have an outline, each with a button to remove it. The
 * file is checked here first with the API's own rule (readDistrictBoundary), so the message
 * comes at once.
 */
export function DistrictBoundaries({ districts }: { districts: District[] }) {
  const { t } = useTranslation('map')
  const qc = useQueryClient()
  const outlines = useQuery(outlinesQuery)
  const has = new Set((outlines.data?.items ?? []).map((o) => o.districtId))
  const [errors, setErrors] = useState<{ districtId?: string; boundary?: string }>({})
  const [message, setMessage] = useState('')
  const inUse = districts.filter((d) => !d.archived)
  const nameOf = (id: number) => inUse.find((d) => d.id === id)?.name ?? ''
  const refresh = () => qc.invalidateQueries({ queryKey: mapKeys.outlines() })
  const upload = useMutation({
    mutationFn: (input: { id: number; boundary: DistrictBoundary }) => setBoundary(input.id, input.boundary),
    onSuccess: async (_, input) => {
      await refresh()
      setMessage(t('boundary.saved', { district: nameOf(input.id) }))
    },
    onError: (e) => setErrors({ boundary: errorText(e) }),
  })
  const clear = useMutation({
    mutationFn: (id: number) => clearBoundary(id),
    onSuccess: async (_, id) => {
      await refresh()
      setMessage(t('boundary.cleared', { district: nameOf(id) }))
    },
    onError: (e) => setMessage(errorText(e)),
  })

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (upload.isPending) return
    setMessage('')
    const data = new FormData(event.currentTarget)
    const id = Number(data.get('districtId'))
    const file = data.get('boundary')
    if (!id) {
      setErrors({ districtId: t('boundary.chooseDistrict') })
      return
    }
    if (!(file instanceof File) || file.size === 0) {
      setErrors({ boundary: t('boundary.unreadable') })
      return
    }
    let parsed: unknown
    try {
      parsed = JSON.parse(await file.text())
    } catch {
      setErrors({ boundary: t('boundary.unreadable') })
      return
    }
    const reading = readDistrictBoundary(parsed)
    if (!reading.ok) {
      setErrors({ boundary: reading.problem[currentLocale()] })
      return
    }
    const boundary = rounded(reading.boundary)
    if (JSON.stringify(boundary).length > MAX_BYTES) {
      setErrors({ boundary: t('boundary.tooLarge') })
      return
    }
    setErrors({})
    upload.mutate({ id, boundary })
  }

  return (
    <section className="section" aria-labelledby="boundaries-title">
      <h2 id="boundaries-title">{t('boundary.title')}</h2>
      <p>{t('boundary.intro')}</p>
      <form className="form" noValidate onSubmit={(e) => void submit(e)}>
        <Field name="districtId" id="boundary-district" label={t('boundary.district')} error={errors.districtId}>
          {(p) => (
            <Select {...p}>
              <option value="">{t('boundary.chooseOption')}</option>
              {inUse.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field name="boundary" id="boundary-file" label={t('boundary.file')} error={errors.boundary}>
          {(p) => <TextInput {...p} type="file" accept=".geojson,.json,application/geo+json,application/json" />}
        </Field>
        <div className="form__actions">
          <Button type="submit" busy={upload.isPending}>
            {t('boundary.upload')}
          </Button>
        </div>
      </form>
      <p role="status">{message}</p>
      <h3>{t('boundary.listTitle')}</h3>
      <ul className="boundary-list">
        {inUse.map((d) => (
          <li key={d.id}>
            <span>
              {d.name}: {has.has(d.id) ? t('boundary.has') : t('boundary.none')}
            </span>
            {has.has(d.id) && (
              <Button
                appearance="subtle"
                busy={clear.isPending}
                aria-label={t('boundary.clearOf', { district: d.name })}
                onClick={() => clear.mutate(d.id)}
              >
                {t('boundary.clear')}
              </Button>
            )}
          </li>
        ))}
      </ul>
    </section>
  )
}
