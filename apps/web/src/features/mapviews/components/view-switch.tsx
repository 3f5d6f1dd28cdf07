import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import '../view-switch.css'

export type ListView = 'list' | 'map'

/** `?weergave=kaart`: the view is part of the address, so a map of a search can be shared. */
export const VIEW_PARAM = 'weergave'
const MAP_VALUE = 'kaart'

export function viewFromSearch(params: URLSearchParams): ListView {
  return params.get(VIEW_PARAM) === MAP_VALUE ? 'map' : 'list'
}

/** The same search with the given view. */
export function withView(params: URLSearchParams, view: ListView): URLSearchParams {
  const next = new URLSearchParams(params)
  if (view === 'map') next.set(VIEW_PARAM, MAP_VALUE)
  else next.delete(VIEW_PARAM)
  return next
}

/**
 * "Lijst | Kaart": two links, the current one marked, keeping the filters. Its strings are the
 * list's own (bundled with it); the map's code loads only once the map is chosen.
 */
export function ViewSwitch({ view, search }: { view: ListView; search: URLSearchParams }) {
  const { t } = useTranslation('ideas')
  const link = (to: ListView) => {
    const query = withView(search, to).toString()
    return { to: query ? `?${query}` : '?', ...(view === to ? { 'aria-current': 'page' as const } : {}) }
  }
  return (
    <nav className="view-switch" aria-label={t('list.view.label')}>
      <Link {...link('list')} className="view-switch__option" preventScrollReset>
        {t('list.view.list')}
      </Link>
      <Link {...link('map')} className="view-switch__option" preventScrollReset>
        {t('list.view.map')}
      </Link>
    </nav>
  )
}
