import '../lib/i18n-staff'
import '../lib/i18n-werkbak'
import '../styles/staff.css'
import '../styles/werkbak.css'
import { useTranslation } from 'react-i18next'
import { AnswerTemplates } from '../features/staff/components/answer-templates'
import { StaffPage } from '../features/staff/components/staff-page'

export function StaffAnswerTemplatesPage() {
  const { t } = useTranslation('werkbak')
  return (
    <StaffPage title={t('templates.pageTitle')} intro={t('templates.pageIntro')}>
      <AnswerTemplates />
    </StaffPage>
  )
}
