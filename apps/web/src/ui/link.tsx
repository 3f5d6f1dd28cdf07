import type { ComponentProps } from 'react'
import { Link } from 'react-router'
import { classNames } from './class-names'

type TextLinkProps = Omit<ComponentProps<typeof Link>, 'className'> & { className?: string }

/** A link in running text to a page of the app (NL Design System candidate `nl-link`). */
export function TextLink({ className, ...props }: TextLinkProps) {
  return <Link {...props} className={classNames('nl-link', className)} />
}
