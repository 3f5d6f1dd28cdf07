import type { ReactNode } from 'react'

/** The first thing a keyboard reaches: straight to the content (NL Design System candidate `nl-skip-link`). */
export function SkipLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <a className="nl-skip-link nl-skip-link--visible-on-focus" href={href}>
      {children}
    </a>
  )
}
