import type { ComponentProps, ReactNode } from 'react'
import { Link } from 'react-router'
import { classNames } from './class-names'

/** The NL Design System button's appearances: the main action, the others, and one that reads as a link. */
export type ButtonAppearance = 'primary' | 'secondary' | 'subtle'

type Look = {
  appearance?: ButtonAppearance
  /** positive: a go-ahead (send in an idea); negative: a step that removes or refuses. */
  tone?: 'positive' | 'negative'
  size?: 'small'
  /** A subtle button in a line of text: no room left and right. */
  inline?: boolean
}

function lookClass({ appearance = 'primary', tone, size, inline }: Look): string {
  return classNames(
    'nl-button',
    `nl-button--${appearance}`,
    tone && `nl-button--${tone}`,
    size === 'small' && 'nl-button--small',
    inline && 'nl-button--inline',
  )
}

type ButtonProps = Look &
  Omit<ComponentProps<'button'>, 'aria-pressed'> & {
    /** A toggle (vote, follow): says its state to assistive technology and shows it. */
    pressed?: boolean
    /** Working on it: the button stays focusable and says it is unavailable (the handler ignores clicks). */
    busy?: boolean
    /** A mark before the label (decorative: the label says it all). */
    icon?: ReactNode
  }

/** A button (NL Design System candidate `nl-button`); `type="button"` unless said otherwise. */
export function Button({
  appearance,
  tone,
  size,
  inline,
  pressed,
  busy,
  icon,
  className,
  type = 'button',
  children,
  ...props
}: ButtonProps) {
  return (
    <button
      type={type}
      aria-pressed={pressed}
      aria-disabled={busy || undefined}
      {...props}
      className={classNames(
        lookClass({ appearance, tone, size, inline }),
        pressed && 'nl-button--pressed',
        props.disabled && 'nl-button--disabled',
        busy && 'nl-button--busy',
        className,
      )}
    >
      {icon ? (
        <>
          <span className="nl-button__icon-start" aria-hidden="true">
            {icon}
          </span>
          <span className="nl-button__label">{children}</span>
        </>
      ) : (
        children
      )}
    </button>
  )
}

type LinkButtonProps = Look & Omit<ComponentProps<typeof Link>, 'className'> & { className?: string }

/** A link in the app that looks like a button (it goes somewhere, it does not do something). */
export function LinkButton({ appearance, tone, size, inline, className, ...props }: LinkButtonProps) {
  return <Link {...props} className={classNames(lookClass({ appearance, tone, size, inline }), className)} />
}

type AnchorButtonProps = Look & ComponentProps<'a'>

/** A plain link that looks like a button: a download, or a page outside the app. */
export function AnchorButton({ appearance, tone, size, inline, className, ...props }: AnchorButtonProps) {
  return <a {...props} className={classNames(lookClass({ appearance, tone, size, inline }), className)} />
}
