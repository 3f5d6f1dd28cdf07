import { NL_BOUNDS } from '@meedenken/shared'
import { useQuery } from '@tanstack/react-query'
import { type KeyboardEvent, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-map'
import { ApiRequestError } from '../../../lib/api-client'
import { useDebouncedValue } from '../../../lib/use-debounced-value'
import { Button } from '../../../ui/button'
import { Field, Fieldset, TextInput } from '../../../ui/form'
import { districtAtPoint, lookupPlace, suggestQuery } from '../api/map-queries'
import { BaseMap, type MapHandle } from '../base-map'
import '../map.css'

export type ChosenPlace = { latitude: number; longitude: number; label?: string | undefined }

type Props = {
  /** The place the idea has now (editing), or null. */
  initial: ChosenPlace | null
  /** Before the hidden fields' names (`placeLatitude`, `placeLongitude`, `placeLabel`): a form's scope, such as `intake.`. */
  namePrefix?: string
}

/** Six decimals: about 10 cm, more than anyone can point at. */
const round = (n: number) => Math.round(n * 1e6) / 1e6
const inNetherlands = (p: { latitude: number; longitude: number }) =>
  p.latitude >= NL_BOUNDS.minLatitude &&
  p.latitude <= NL_BOUNDS.maxLatitude &&
  p.longitude >= NL_BOUNDS.minLongitude &&
  p.longitude <= NL_BOUNDS.maxLongitude

/**
 * "Plaats (niet verplicht)": a place for an idea, chosen by address (a combobox on PDOK's
 * address search) or on the map (a crosshair in the middle: arrow keys move the map, a button
 * takes the middle; a click or tap takes that spot). The choice is written in words with a
 * button to remove it, and kept in hidden fields of the surrounding form. When a point lies in
 * a district with an outline and the form's district is still empty, that district is chosen.
 * Works without the map (address search alone) when the tiles cannot be loaded.
 */
export function PlacePicker({ initial, namePrefix = '' }: Props) {
  const { t } = useTranslation('map')
  const [place, setPlace] = useState<ChosenPlace | null>(initial)
  const [announcement, setAnnouncement] = useState('')
  const [mapUsable, setMapUsable] = useState(true)
  const handle = useRef<MapHandle | null>(null)
  const anchor = useRef<HTMLInputElement>(null)

  /** The form's district, if it is still empty: filled in from the point. */
  async function suggestDistrict(known: number | null | undefined, point: ChosenPlace): Promise<string> {
    const select = anchor.current?.form?.elements.namedItem(`${namePrefix}districtId`)
    if (!(select instanceof HTMLSelectElement) || select.value !== '') return ''
    const districtId =
      known !== undefined
        ? known
        : (await districtAtPoint(point.latitude, point.longitude).catch(() => null))?.districtId
    if (districtId === null || districtId === undefined) return ''
    const option = [...select.options].find((o) => o.value === String(districtId))
    if (!option) return ''
    select.value = option.value
    return t('picker.districtSuggested', { district: option.text })
  }

  async function choose(point: ChosenPlace, districtId?: number | null) {
    if (!inNetherlands(point)) return
    const chosen = { ...point, latitude: round(point.latitude), longitude: round(point.longitude) }
    setPlace(chosen)
    const district = await suggestDistrict(districtId, chosen)
    setAnnouncement([t('picker.chosen', { place: describe(chosen) }), district].filter(Boolean).join(' '))
  }

  function describe(p: ChosenPlace): string {
    return p.label || t('picker.chosenPoint', { latitude: p.latitude.toFixed(5), longitude: p.longitude.toFixed(5) })
  }

  function chooseCentre() {
    const map = handle.current?.map
    if (!map) return
    const centre = map.getCenter()
    void choose({ latitude: centre.lat, longitude: centre.lng })
  }

  function remove() {
    setPlace(null)
    setAnnouncement(t('picker.removed'))
  }

  const start = initial ? { latitude: initial.latitude, longitude: initial.longitude } : undefined
  return (
    <Fieldset legend={t('picker.legend')} className="place-picker">
      <p className="utrecht-form-field-description">{t('picker.hint')}</p>
      <input ref={anchor} type="hidden" name={`${namePrefix}placeLatitude`} value={place?.latitude ?? ''} />
      <input type="hidden" name={`${namePrefix}placeLongitude`} value={place?.longitude ?? ''} />
      <input type="hidden" name={`${namePrefix}placeLabel`} value={place?.label ?? ''} />
      <AddressSearch
        onChoose={(found) => {
          void choose({ latitude: found.latitude, longitude: found.longitude, label: found.label }, found.districtId)
          handle.current?.map.setView([found.latitude, found.longitude], 17)
        }}
      />
      <BaseMap
        label={t('picker.mapLabel')}
        instructions={t('picker.mapInstructions')}
        unavailableText={t('map.unavailablePicker')}
        onUnavailable={() => setMapUsable(false)}
        {...(start ? { center: start, zoom: 17 } : {})}
        markers={
          place ? [{ id: 'chosen', latitude: place.latitude, longitude: place.longitude, label: describe(place) }] : []
        }
        onMapClick={(point) => void choose(point)}
        onReady={(h) => {
          handle.current = h
        }}
      >
        <span className="place-picker__crosshair" aria-hidden="true" />
      </BaseMap>
      {mapUsable && (
        <div>
          <Button appearance="secondary" onClick={chooseCentre}>
            {t('picker.chooseCentre')}
          </Button>
        </div>
      )}
      {place && (
        <p className="place-picker__chosen">
          <span>{t('picker.chosen', { place: describe(place) })}</span>
          <Button appearance="subtle" onClick={remove}>
            {t('picker.remove')}
          </Button>
        </p>
      )}
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
    </Fieldset>
  )
}

type Found = { latitude: number; longitude: number; label: string; districtId: number | null }

/**
 * An address search as a combobox with a list of suggestions (WAI-ARIA combobox pattern, list
 * autocomplete): typing asks for suggestions after a pause, the arrow keys move through them,
 * Enter takes one, Escape closes the list. Focus stays in the text box throughout.
 */
function AddressSearch({ onChoose }: { onChoose: (found: Found) => void }) {
  const { t } = useTranslation('map')
  const id = useId()
  const [text, setText] = useState('')
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(-1)
  const [problem, setProblem] = useState('')
  const settled = useDebouncedValue(text.trim(), 300)
  const suggestions = useQuery({ ...suggestQuery(settled), enabled: open && settled.length >= 2 })
  const items = open && settled.length >= 2 ? (suggestions.data?.items ?? []) : []
  const listId = `${id}-list`

  // A new list starts without a highlighted option (typing resets it too).
  const current = active < items.length ? active : -1

  async function take(index: number) {
    const item = items[index]
    if (!item) return
    setText(item.label)
    setOpen(false)
    setActive(-1)
    try {
      setProblem('')
      onChoose(await lookupPlace(item.id))
    } catch (error) {
      setProblem(
        error instanceof ApiRequestError && error.status === 404 ? error.message : t('picker.searchUnavailable'),
      )
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown') {
      event.preventDefault()
      setOpen(true)
      setActive(items.length === 0 ? -1 : (current + 1) % items.length)
    } else if (event.key === 'ArrowUp') {
      event.preventDefault()
      setActive(items.length === 0 ? -1 : (current - 1 + items.length) % items.length)
    } else if (event.key === 'Enter') {
      // Enter in the search never sends the idea.
      event.preventDefault()
      if (current >= 0) void take(current)
    } else if (event.key === 'Escape' && open) {
      event.preventDefault()
      setOpen(false)
      setActive(-1)
    }
  }

  const searching = open && settled.length >= 2 && suggestions.isFetching
  const status = searching
    ? t('picker.searching')
    : suggestions.isError && open
      ? t('picker.searchUnavailable')
      : open && settled.length >= 2 && suggestions.isSuccess
        ? items.length > 0
          ? t('picker.suggestions', { count: items.length })
          : t('picker.noSuggestions')
        : ''
  const expanded = items.length > 0
  return (
    <div className="place-picker__search">
      <Field name="place-search" id={`${id}-input`} label={t('picker.search')} hint={t('picker.searchHint')}>
        {(p) => (
          <TextInput
            id={p.id}
            type="text"
            role="combobox"
            autoComplete="off"
            maxLength={100}
            aria-autocomplete="list"
            aria-expanded={expanded}
            aria-controls={listId}
            aria-describedby={p['aria-describedby']}
            aria-activedescendant={current >= 0 ? `${id}-option-${current}` : undefined}
            value={text}
            onChange={(e) => {
              setText(e.target.value)
              setOpen(true)
              setActive(-1)
            }}
            onKeyDown={onKeyDown}
            onBlur={() => setOpen(false)}
          />
        )}
      </Field>
      <div
        id={listId}
        role="listbox"
        aria-label={t('picker.search')}
        className="place-picker__options"
        hidden={!expanded}
      >
        {items.map((item, index) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the keys are handled on the combobox, which keeps focus (ARIA combobox pattern)
          <div
            key={item.id}
            tabIndex={-1}
            id={`${id}-option-${index}`}
            role="option"
            aria-selected={index === current}
            className="place-picker__option"
            // Before the text box's blur closes the list.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => void take(index)}
          >
            {item.label}
          </div>
        ))}
      </div>
      <p
        role="status"
        className={problem || (status && suggestions.isError) ? 'base-map__unavailable' : 'visually-hidden'}
      >
        {problem || status}
      </p>
    </div>
  )
}
