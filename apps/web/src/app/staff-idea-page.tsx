import '../lib/i18n-staff'
import { useTranslation } from 'react-i18next'
import { PageHeading } from '../ui/page-heading'

// Placeholder: this page is being built.
export function StaffIdeaPage() {
  const { t } = useTranslation('staff')
  return <PageHeading title={t('title.placeholder')}>{t('title.placeholder')}</PageHeading>
}
