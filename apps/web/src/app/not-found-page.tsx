import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { NotFoundStatus } from '../ssr/status'
import { PageHeading } from '../ui/page-heading'

export function NotFoundPage() {
  const { t } = useTranslation()
  return (
    <>
      <NotFoundStatus />
      <PageHeading title={t('notFound.title')}>{t('notFound.title')}</PageHeading>
      <p>{t('notFound.body')}</p>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </>
  )
}
