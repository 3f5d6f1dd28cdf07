import '../lib/i18n-engage'
import { useTranslation } from 'react-i18next'
import { PageHeading } from '../ui/page-heading'

// Placeholder: this page is being built.
export function YouSaidWeDidPage() {
  const { t } = useTranslation('engage')
  return <PageHeading title={t('title.placeholder')}>{t('title.placeholder')}</PageHeading>
}
