import type { ComponentProps } from 'react'
import { classNames } from './class-names'

/** A badge's tone: its colours come from the theme's tone tokens (tokens.css). */
export type BadgeTone = 'neutral' | 'info' | 'positive' | 'warning' | 'negative' | 'strong-positive' | 'strong-info'

type BadgeProps = ComponentProps<'span'> & { tone?: BadgeTone }

/**
 * A short label with extra information (NL Design System candidate `nl-data-badge`).
 * It always says its meaning in words; the colour only repeats it.
 */
export function Badge({ tone = 'neutral', className, ...props }: BadgeProps) {
  return <span {...props} className={classNames('nl-data-badge', tone !== 'neutral' && `badge--${tone}`, className)} />
}
