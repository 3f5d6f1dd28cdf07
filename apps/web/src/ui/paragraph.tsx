import type { ComponentProps } from 'react'
import { classNames } from './class-names'

type ParagraphProps = ComponentProps<'p'> & {
  /** The page's introduction: larger, under the h1. */
  lead?: boolean
}

/** A paragraph (NL Design System candidate `nl-paragraph`). */
export function Paragraph({ lead, className, ...props }: ParagraphProps) {
  return <p {...props} className={classNames('nl-paragraph', lead && 'nl-paragraph--lead', className)} />
}
