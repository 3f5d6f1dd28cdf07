import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-staff'
import { QueryState } from '../../../ui/query-state'
import { settingsQuery } from '../api/staff-queries'
import { SettingsForm } from './settings-form'

export function SettingsSection() {
  const { t } = useTranslation('staff')
  const settings = useQuery(settingsQuery)
  return (
    <section className="section" aria-labelledby="settings-title">
      <h2 id="settings-title">{t('settings.title')}</h2>
      <p>{t('settings.intro')}</p>
      <QueryState query={settings}>{(data) => <SettingsForm settings={data} />}</QueryState>
    </section>
  )
}
