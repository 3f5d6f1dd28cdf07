import type { District } from '@meedenken/shared'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-engage'
import { supportersQuery } from '../api/satisfaction-queries'

const GROUP_KEYS = ['resident', 'entrepreneur', 'organisation'] as const
type GroupKey = (typeof GROUP_KEYS)[number]
const isGroup = (value: string): value is GroupKey => (GROUP_KEYS as readonly string[]).includes(value)

/**
 * Who voted, by target group and by district. Groups under five people show "te weinig"
 * instead of a number; districts that small are counted, not named, in one sentence.
 */
export function SupportersTable({ ideaId, districts }: { ideaId: number; districts: District[] }) {
  const { t } = useTranslation(['engage', 'ideas'])
  const supporters = useQuery(supportersQuery(ideaId))
  const data = supporters.data
  if (!data) return null
  const min = data.suppressedBelow
  const groups = [...data.byTargetGroup].sort(
    (a, b) =>
      (isGroup(a.targetGroup) ? GROUP_KEYS.indexOf(a.targetGroup) : 9) -
      (isGroup(b.targetGroup) ? GROUP_KEYS.indexOf(b.targetGroup) : 9),
  )
  const shownDistricts = data.byDistrict.filter((d) => d.count !== null)
  const hiddenDistricts = data.byDistrict.length - shownDistricts.length
  const districtName = (id: number | null) =>
    id === null ? t('supporters.noDistrict') : (districts.find((d) => d.id === id)?.name ?? `#${id}`)
  const count = (n: number | null) => (n === null ? <span className="too-few">{t('supporters.tooFew')}</span> : n)

  return (
    <section className="section supporters" aria-labelledby="supporters-title">
      <h2 id="supporters-title">{t('supporters.title')}</h2>
      {data.total === 0 ? (
        <p>{t('supporters.none')}</p>
      ) : (
        <>
          <p>
            {t('supporters.total', { count: data.total })} {t('supporters.intro', { min })}
          </p>
          <div className="supporters__tables">
            <div className="table-wrap">
              <table className="table">
                <caption>{t('supporters.byGroup')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('supporters.group')}</th>
                    <th scope="col">{t('supporters.votes')}</th>
                  </tr>
                </thead>
                <tbody>
                  {groups.map((g) => (
                    <tr key={g.targetGroup}>
                      <th scope="row">
                        {isGroup(g.targetGroup)
                          ? t(`ideas:targetGroupPlural.${g.targetGroup}`)
                          : t('supporters.unknown')}
                      </th>
                      <td>{count(g.count)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div>
              {shownDistricts.length > 0 && (
                <div className="table-wrap">
                  <table className="table">
                    <caption>{t('supporters.byDistrict')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('supporters.district')}</th>
                        <th scope="col">{t('supporters.votes')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {shownDistricts.map((d) => (
                        <tr key={d.districtId ?? 'none'}>
                          <th scope="row">{districtName(d.districtId)}</th>
                          <td>{count(d.count)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
              {hiddenDistricts > 0 && (
                <p className="supporters__note">
                  {shownDistricts.length === 0 && <strong>{t('supporters.byDistrict')}: </strong>}
                  {t('supporters.otherDistricts', { count: hiddenDistricts, min })}
                </p>
              )}
            </div>
          </div>
        </>
      )}
    </section>
  )
}
