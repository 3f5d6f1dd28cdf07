import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { PageHeading } from '../ui/page-heading'

/** Shown when a page fails to render or its code cannot be loaded. No technical details. */
export function RouteErrorPage({ standalone = false }: { standalone?: boolean }) {
  const { t } = useTranslation()
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
