import { createBrowserRouter } from 'react-router'
import { Layout } from './layout'
import { RouteErrorPage } from './route-error-page'

/**
 * Each page is its own chunk, loaded when first visited: the idea list stays small,
 * and staff and admin screens never load for residents.
 */
export const router = createBrowserRouter([
  {
    path: '/',
    element: <Layout />,
    errorElement: <RouteErrorPage standalone />,
    children: [
      {
        errorElement: <RouteErrorPage />,
        children: [
          { index: true, lazy: () => import('./ideas-page').then((m) => ({ Component: m.IdeasPage })) },
          { path: 'ideeen/:id', lazy: () => import('./idea-page').then((m) => ({ Component: m.IdeaPage })) },
          {
            path: 'open-data',
            lazy: () => import('./developers-page').then((m) => ({ Component: m.DevelopersPage })),
          },
          { path: '*', lazy: () => import('./not-found-page').then((m) => ({ Component: m.NotFoundPage })) },
        ],
      },
    ],
  },
])
