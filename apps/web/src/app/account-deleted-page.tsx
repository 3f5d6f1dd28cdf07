import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'react-router'
import { useSetSignedIn } from '../features/accounts/api/account-queries'
import { LinkButton } from '../ui/button'
import { PageHeading } from '../ui/page-heading'
import { Paragraph } from '../ui/paragraph'
import '../lib/i18n-accounts'

/**
 * Where someone lands after deleting their account: it says it is done, plainly, and where
 * to go next. A page of its own (not a notice on another page), so nothing that reacts to
 * the ended session can send them to the login page instead.
 */
export function AccountDeletedPage() {
  const { t } = useTranslation('accounts')
  const setSignedIn = useSetSignedIn()
  const deleted = (useLocation().state as { accountDeleted?: boolean } | null)?.accountDeleted === true
  // Arrived from deleting the account: only now, with the profile page gone, forget who it was.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, on arrival
  useEffect(() => {
    if (deleted) setSignedIn(null)
  }, [deleted])
  return (
    <div className="narrow">
      <PageHeading title={t('deletedPage.title')}>{t('deletedPage.title')}</PageHeading>
      <Paragraph lead>{t('profile.deleted')}</Paragraph>
      <p>{t('deletedPage.done')}</p>
      <p>
        {t('deletedPage.again')} <Link to="/aanmelden">{t('signup.title')}</Link>
      </p>
      <p>
        <LinkButton to="/">{t('deletedPage.home')}</LinkButton>
      </p>
    </div>
  )
}
