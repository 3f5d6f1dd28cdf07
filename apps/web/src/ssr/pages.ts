/**
 * The public pages the server renders (decisions 011 and 020), by their route in
 * app/router.tsx, each with the source module of its page: the API looks that module up
 * in the build's manifest and links the page's own CSS (and preloads its JavaScript) in
 * the document, so the page is styled before any script runs, or without one. The idea
 * list is in the main chunk: its CSS is in the document already.
 */
export const SERVER_PAGES: Readonly<Record<string, string | null>> = {
  '/': null,
  'ideeen/:id': 'src/app/idea-page.tsx',
  resultaten: 'src/app/scorecard-page.tsx',
  plannen: 'src/app/roadmap-page.tsx',
  'jij-zei-wij-deden': 'src/app/you-said-we-did-page.tsx',
  meedenkvragen: 'src/app/campaigns-page.tsx',
  'meedenkvragen/:id': 'src/app/campaign-page.tsx',
}
