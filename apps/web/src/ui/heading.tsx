import type { ComponentProps } from 'react'
import { classNames } from './class-names'

type Level = 1 | 2 | 3 | 4

type HeadingProps = ComponentProps<'h2'> & {
  level: Level
  /** Looks like another level than it is (the outline stays right, the size fits the place). */
  appearance?: Level
}

/** A heading (NL Design System candidate `nl-heading`). For a page's h1, use PageHeading. */
export function Heading({ level, appearance = level, className, ...props }: HeadingProps) {
  const Tag = `h${level}` as const
  return <Tag {...props} className={classNames('nl-heading', `nl-heading--level-${appearance}`, className)} />
}
