/**
 * The source module of each page the server renders (decisions 011 and 020), by its route
 * in app/router.tsx. The API links each page's CSS and preloads its JavaScript from the
 * build's manifest (ssr/pages.ts); the build puts the code these pages share in one chunk
 * (vite.config.ts). No imports: the Vite config reads this file too.
 */
export const SERVER_PAGE_MODULES = {
  '/': 'src/app/ideas-page.tsx',
  'ideeen/:id': 'src/app/idea-page.tsx',
  resultaten: 'src/app/scorecard-page.tsx',
  plannen: 'src/app/roadmap-page.tsx',
  'jij-zei-wij-deden': 'src/app/you-said-we-did-page.tsx',
  meedenkvragen: 'src/app/campaigns-page.tsx',
  'meedenkvragen/:id': 'src/app/campaign-page.tsx',
  // Any other address: the friendly "not found" page, answered with a 404 (no soft 404).
  '*': 'src/app/not-found-page.tsx',
} as const
