import { useTranslation } from 'react-i18next'

/** "2026-Q3" → "3e kwartaal 2026". */
export function useQuarterName() {
  const { t } = useTranslation('staff')
  return (quarter: string) => {
    const [year, q] = quarter.split('-Q')
    return t('dashboard.quarterName', { year, q })
  }
}
