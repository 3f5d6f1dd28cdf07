import type { Idea } from '@meedenken/shared'
import { memo } from 'react'
import { IdeaCard } from './idea-card'

type Props = {
  /** The list's pages as the infinite query holds them: a page already shown keeps its identity. */
  pages: readonly { items: readonly Idea[] }[]
  themeNames: ReadonlyMap<number, string>
  districtNames: ReadonlyMap<number, string>
}

/**
 * The ideas, one memoised group of cards per loaded page: "Meer ideeën laden" renders the
 * twenty new cards, not the hundreds already on screen. Every card stays in the document
 * (no virtual list), so screen readers and find-in-page see them all.
 */
export function IdeaList({ pages, themeNames, districtNames }: Props) {
  return (
    <ul className="idea-list">
      {pages.map((page, index) => (
        // A page's place in the list is its identity: earlier pages never move.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <IdeaListPage key={index} items={page.items} themeNames={themeNames} districtNames={districtNames} />
      ))}
    </ul>
  )
}

type PageProps = {
  items: readonly Idea[]
  themeNames: ReadonlyMap<number, string>
  districtNames: ReadonlyMap<number, string>
}

const IdeaListPage = memo(function IdeaListPage({ items, themeNames, districtNames }: PageProps) {
  return items.map((idea) => (
    <li key={idea.id}>
      <IdeaCard
        idea={idea}
        themeName={themeNames.get(idea.themeId)}
        districtName={idea.districtId ? districtNames.get(idea.districtId) : undefined}
      />
    </li>
  ))
})
