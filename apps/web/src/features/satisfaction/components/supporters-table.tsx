import type { District } from '@meedenken/shared'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-engage-idea'
import { Table } from '../../../ui/table'
import { supportersQuery } from '../api/satisfaction-queries'

const GROUP_KEYS = ['resident', 'entrepreneur', 'organisation'] as const
type GroupKey = (typeof GROUP_KEYS)[number]
const isGroup = (value: string): value is GroupKey => (GROUP_KEYS as readonly string[]).includes(value)

type Line = { key: string; label: string; count: number }

function LinesTable({ caption, heading, lines }: { caption: string; heading: string; lines: Line[] }) {
  const { t } = useTranslation('engage')
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <th scope="col">{heading}</th>
          <th scope="col">{t('supporters.votes')}</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <tr key={line.key}>
            <th scope="row">{line.label}</th>
            <td>{line.count}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  )
}

/**
 * Who voted, by target group and by district. The API names only groups of five or more;
 * the rest come as one "Overig" line, and under five votes in all there is no breakdown.
 */
export function SupportersTable({ ideaId, districts }: { ideaId: number; districts: District[] }) {
  const { t } = useTranslation(['engage', 'ideas'])
  const supporters = useQuery(supportersQuery(ideaId))
  const data = supporters.data
  if (!data) return null
  const min = data.suppressedBelow
  const other = (count: number | null): Line[] =>
    count === null ? [] : [{ key: 'other', label: t('supporters.other', { min }), count }]
  const groups: Line[] = [...data.byTargetGroup]
    .sort(
      (a, b) =>
        (isGroup(a.targetGroup) ? GROUP_KEYS.indexOf(a.targetGroup) : 9) -
        (isGroup(b.targetGroup) ? GROUP_KEYS.indexOf(b.targetGroup) : 9),
    )
    .map((g) => ({
      key: g.targetGroup,
      label: isGroup(g.targetGroup) ? t(`ideas:targetGroupPlural.${g.targetGroup}`) : t('supporters.unknown'),
      count: g.count,
    }))
    .concat(other(data.otherTargetGroups))
  const districtName = (id: number | null) =>
    id === null ? t('supporters.noDistrict') : (districts.find((d) => d.id === id)?.name ?? `#${id}`)
  const places: Line[] = data.byDistrict
    .map((d) => ({ key: String(d.districtId ?? 'none'), label: districtName(d.districtId), count: d.count }))
    .concat(other(data.otherDistricts))

  return (
    <section className="section supporters" aria-labelledby="supporters-title">
      <h2 id="supporters-title">{t('supporters.title')}</h2>
      {data.total === 0 ? (
        <p>{t('supporters.none')}</p>
      ) : data.total < min ? (
        <p>
          {t('supporters.total', { count: data.total })} {t('supporters.tooFewVotes', { min })}
        </p>
      ) : (
        <>
          <p>
            {t('supporters.total', { count: data.total })} {t('supporters.intro', { min })}
          </p>
          <div className="supporters__tables">
            <LinesTable caption={t('supporters.byGroup')} heading={t('supporters.group')} lines={groups} />
            <LinesTable caption={t('supporters.byDistrict')} heading={t('supporters.district')} lines={places} />
          </div>
        </>
      )}
    </section>
  )
}
