import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-werkbak'
import { Checkbox } from '../../../ui/form'

/** "Select all on this page": checked, unchecked, or mixed when some are chosen. */
export function SelectAllIdeas({
  count,
  selected,
  onToggle,
}: {
  count: number
  selected: number
  onToggle: (on: boolean) => void
}) {
  const { t } = useTranslation('werkbak')
  const box = useRef<HTMLInputElement>(null)
  useEffect(() => {
    if (box.current) box.current.indeterminate = selected > 0 && selected < count
  }, [selected, count])
  return (
    <div className="werkbak-selection__all">
      <Checkbox
        id="werkbak-select-all"
        ref={box}
        checked={selected === count}
        onChange={(event) => onToggle(event.target.checked)}
      />
      <label htmlFor="werkbak-select-all">{t('bulk.selectAll', { count })}</label>
    </div>
  )
}
