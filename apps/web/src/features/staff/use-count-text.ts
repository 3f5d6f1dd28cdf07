import { WERKBAK_COUNT_CAP } from '@meedenken/shared/constants'
import { useTranslation } from 'react-i18next'

/** "12 ideeën", or "1000 of meer" where the count stopped. */
export function useCountText() {
  const { t } = useTranslation(['staff', 'werkbak'])
  return (count: number) =>
    count >= WERKBAK_COUNT_CAP ? t('werkbak:count.many', { count }) : t('inbox.ideaCount', { count })
}
