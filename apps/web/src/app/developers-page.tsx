import { OPEN_DATA_IDEA_COLUMNS, OPEN_DATA_SCORECARD_COLUMNS } from '@meedenken/shared/constants'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { openDataLinks } from '../features/engage/api/engage-queries'
import '../lib/i18n-records'
import { PageHeading } from '../ui/page-heading'
import '../styles/engage.css'
import { Alert } from '../ui/alert'
import { Paragraph } from '../ui/paragraph'
import { Table } from '../ui/table'

/**
 * Open data for residents and journalists: what each file holds, which one to choose, how
 * to open it in Excel and what is left out for privacy. The API reference for developers
 * is a page of its own (/open-data/api), linked at the bottom.
 */
export function DevelopersPage() {
  const { t } = useTranslation(['common', 'records'])
  const links = openDataLinks({})
  return (
    <>
      <PageHeading title={t('developers.title')}>{t('developers.title')}</PageHeading>
      <section aria-labelledby="open-data-title" className="open-data">
        <h2 id="open-data-title">{t('records:openData.title')}</h2>
        <Paragraph lead>{t('records:openData.intro')}</Paragraph>
        <Alert type="info">
          <p>{t('records:openData.privacy')}</p>
        </Alert>

        <h3>{t('records:openData.chooseTitle')}</h3>
        <ul>
          <li>{t('records:openData.chooseExcel')}</li>
          <li>{t('records:openData.chooseCsv')}</li>
          <li>{t('records:openData.chooseJson')}</li>
        </ul>

        <h3>{t('records:openData.ideasTitle')}</h3>
        <p>{t('records:openData.ideasIntro')}</p>
        <ul className="downloads">
          <li>
            <a href={links.ideasExcel} download>
              {t('records:openData.ideasExcel')}
            </a>
          </li>
          <li>
            <a href={links.ideasCsv} download>
              {t('records:openData.ideasCsv')}
            </a>
          </li>
          <li>
            <a href={links.ideasJson} download>
              {t('records:openData.ideasJson')}
            </a>
          </li>
        </ul>
        <ColumnTable file="ideas.csv, ideas.json" columns={OPEN_DATA_IDEA_COLUMNS} prefix="ideas" />

        <h3>{t('records:openData.scorecardTitle')}</h3>
        <p>{t('records:openData.scorecardIntro')}</p>
        <ul className="downloads">
          <li>
            <a href={links.scorecardExcel} download>
              {t('records:openData.scorecardExcel')}
            </a>
          </li>
          <li>
            <a href={links.scorecardCsv} download>
              {t('records:openData.scorecardCsv')}
            </a>
          </li>
          <li>
            <a href={links.scorecardJson}>{t('records:openData.scorecardJson')}</a>
          </li>
        </ul>
        <p>
          {t('records:openData.scorecardPeriod')}{' '}
          <code className="open-data__example">{'/api/open-data/scorecard.csv?from=2026-Q1&to=2026-Q4&theme=3'}</code>
        </p>
        <p>
          <Link to="/resultaten">{t('records:openData.resultsLink')}</Link>
        </p>
        <ColumnTable file="scorecard.csv" columns={OPEN_DATA_SCORECARD_COLUMNS} prefix="scorecardColumns" />

        <h3>{t('records:openData.leftOutTitle')}</h3>
        <ul>
          <li>{t('records:openData.leftOutNames')}</li>
          <li>{t('records:openData.leftOutSmall')}</li>
          <li>{t('records:openData.leftOutHidden')}</li>
          <li>{t('records:openData.leftOutPlace')}</li>
        </ul>

        <h3>{t('records:openData.excelTitle')}</h3>
        <ol>
          <li>{t('records:openData.excelStep1')}</li>
          <li>{t('records:openData.excelStep2')}</li>
          <li>{t('records:openData.excelStep3')}</li>
        </ol>
        <p>{t('records:openData.excelEnglish')}</p>
      </section>

      <section aria-labelledby="api-title" className="section">
        <h2 id="api-title">{t('records:openData.apiTitle')}</h2>
        <p>{t('records:openData.apiIntro')}</p>
        <p>
          <Link to="/open-data/api">{t('records:openData.apiLink')}</Link>
        </p>
      </section>
    </>
  )
}

type ColumnProps =
  | { file: string; prefix: 'ideas'; columns: typeof OPEN_DATA_IDEA_COLUMNS }
  | { file: string; prefix: 'scorecardColumns'; columns: typeof OPEN_DATA_SCORECARD_COLUMNS }

function ColumnTable(props: ColumnProps) {
  const { t } = useTranslation('records')
  const rows =
    props.prefix === 'ideas'
      ? props.columns.map((c) => [c, t(`openData.ideas.${c}`)] as const)
      : props.columns.map((c) => [c, t(`openData.scorecardColumns.${c}`)] as const)
  return (
    <details className="columns">
      <summary>{t('openData.columnsCaption', { file: props.file })}</summary>
      <Table caption={t('openData.columnsCaption', { file: props.file })} captionClassName="visually-hidden">
        <thead>
          <tr>
            <th scope="col">{t('openData.column')}</th>
            <th scope="col">{t('openData.meaning')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([column, meaning]) => (
            <tr key={column}>
              <th scope="row">
                <code>{column}</code>
              </th>
              <td>{meaning}</td>
            </tr>
          ))}
        </tbody>
      </Table>
    </details>
  )
}
