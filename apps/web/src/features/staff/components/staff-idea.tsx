import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link, useLocation, useParams } from 'react-router'
import '../../../lib/i18n-staff'
import { ApiRequestError } from '../../../lib/api-client'
import { ErrorMessage } from '../../../ui/error-message'
import { Loading } from '../../../ui/loading'
import { PageHeading } from '../../../ui/page-heading'
import { staffIdeaQuery } from '../api/staff-queries'
import { readTrail } from '../inbox-trail'
import { IdeaWorkbench } from './idea-workbench'

/** The idea in the address, for staff: its workbench, or a plain "not found" with the way back. */
export function StaffIdea() {
  const { t } = useTranslation(['staff', 'common'])
  const id = Number(useParams().id)
  const valid = Number.isSafeInteger(id) && id > 0
  const detail = useQuery({ ...staffIdeaQuery(id), enabled: valid })
  const trail = readTrail(useLocation().state)

  const notFound = !valid || (detail.error instanceof ApiRequestError && detail.error.status === 404)
  if (notFound) {
    return (
      <>
        <PageHeading title={t('idea.notFound')}>{t('idea.notFound')}</PageHeading>
        <p>
          <Link to="/medewerkers">{t('idea.backToInbox')}</Link>
        </p>
      </>
    )
  }
  if (!detail.data) {
    // The heading is there while it loads, so the page has its h1 (and focus) from the start.
    return (
      <>
        <PageHeading title={t('common:loading')}>{t('common:loading')}</PageHeading>
        {detail.isError ? <ErrorMessage error={detail.error} onRetry={() => void detail.refetch()} /> : <Loading />}
      </>
    )
  }
  // One workbench per idea: what was typed or announced for one idea never shows on the next.
  return <IdeaWorkbench key={detail.data.idea.id} detail={detail.data} trail={trail} />
}
