import type { ComponentProps } from 'react'
import { classNames } from './class-names'

/** The Utrecht alert's kinds: information, a thing that went well, a warning, an error. */
export type AlertType = 'info' | 'ok' | 'warning' | 'error'

type AlertProps = ComponentProps<'div'> & { type?: AlertType }

/**
 * A message in a box (NL Design System, Utrecht `utrecht-alert`). Give it `role="status"`
 * or `role="alert"` when it appears after something the person did, so it is read out.
 */
export function Alert({ type = 'info', className, children, ...props }: AlertProps) {
  return (
    <div {...props} className={classNames('utrecht-alert', `utrecht-alert--${type}`, className)}>
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">{children}</div>
      </div>
    </div>
  )
}
