import type { FetchQueryOptions } from '@tanstack/react-query'
import { districtsQuery, themesQuery } from '../features/catalog/api/catalog-queries'
import { ideaQuery } from '../features/ideas/api/idea-queries'
import { supportersQuery } from '../features/satisfaction/api/satisfaction-queries'
import { SERVER_PAGE_MODULES as MODULES } from './page-modules'

type Params = Record<string, string | undefined>

export type ServerPage = {
  /**
   * The page's source module: the API looks it up in the build's manifest and links the
   * page's own CSS (and preloads its JavaScript) in the document, so the page is styled
   * before any script runs, or without one.
   */
  module: string
  /**
   * Queries the page is known to ask for, some only once its main data is there: fetched
   * before the first render, so the render needs no passes to find them (an idea page is
   * then one render instead of three). ssr/render-with-data.ts finds anything left out by
   * itself; this list only saves time. The same query options the components use.
   */
  // biome-ignore lint/suspicious/noExplicitAny: a list of different queries' options
  alongside?: (params: Params) => FetchQueryOptions<any, any, any, any>[]
}

const ideaId = (params: Params) => {
  const id = Number(params.id)
  return Number.isSafeInteger(id) && id > 0 ? id : null
}

/** The public pages the server renders (decisions 011 and 020), by their route in app/router.tsx. */
export const SERVER_PAGES: Readonly<Record<keyof typeof MODULES, ServerPage>> = {
  '/': { module: MODULES['/'] },
  'ideeen/:id': {
    module: MODULES['ideeen/:id'],
    alongside: (params) => {
      const id = ideaId(params)
      return id === null ? [] : [ideaQuery(id), supportersQuery(id), themesQuery, districtsQuery]
    },
  },
  resultaten: { module: MODULES.resultaten },
  plannen: { module: MODULES.plannen },
  'jij-zei-wij-deden': { module: MODULES['jij-zei-wij-deden'] },
  meedenkvragen: { module: MODULES.meedenkvragen },
  'meedenkvragen/:id': { module: MODULES['meedenkvragen/:id'] },
  '*': { module: MODULES['*'] },
}
