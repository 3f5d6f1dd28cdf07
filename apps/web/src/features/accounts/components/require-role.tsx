import type { Role, User } from '@meedenken/shared'
import { ROLE_RANK } from '@meedenken/shared/constants'
import { useQuery } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Navigate, useLocation } from 'react-router'
import { Loading } from '../../../ui/loading'
import { PageHeading } from '../../../ui/page-heading'
import { meQuery } from '../api/account-queries'
import '../../../lib/i18n-accounts'

/** Sends visitors to the login page (and back afterwards); tells members what they may not see. */
export function RequireRole({ minRole, children }: { minRole: Role; children: (user: User) => ReactNode }) {
  const { t } = useTranslation('accounts')
  const me = useQuery(meQuery)
  const location = useLocation()
  if (me.isPending) return <Loading />
  if (!me.data) {
    const back = encodeURIComponent(location.pathname + location.search)
    return <Navigate to={`/inloggen?terug=${back}`} replace />
  }
  if (ROLE_RANK[me.data.role] < ROLE_RANK[minRole]) {
    return (
      <>
        <PageHeading title={t('forbidden.title')}>{t('forbidden.title')}</PageHeading>
        <p>{t('forbidden.body')}</p>
      </>
    )
  }
  return <>{children(me.data)}</>
}
