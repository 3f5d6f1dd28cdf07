import { useTranslation } from 'react-i18next'
import { isRouteErrorResponse, Link, useRouteError } from 'react-router'
import { PageHeading } from '../ui/page-heading'
import { NotFoundPage } from './not-found-page'

/** Shown when a page fails to render or its code cannot be loaded. No technical details. */
export function RouteErrorPage({ standalone = false }: { standalone?: boolean }) {
  const error = useRouteError()
  const { t } = useTranslation()
  if (!standalone && isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />
  // Standalone: the layout itself failed, so this page brings its own main landmark.
  const Wrapper = standalone ? 'main' : 'div'
  return (
    <Wrapper className={standalone ? 'container site-main' : undefined}>
      <PageHeading title={t('error.title')}>{t('error.title')}</PageHeading>
      <p>{t('error.body')}</p>
      <p>
        <Link to="/" reloadDocument>
          {t('error.home')}
        </Link>
      </p>
    </Wrapper>
  )
}
