import type { ReactNode, Ref } from 'react'

/**
 * What just worked, said to screen readers as it changes. `ref` is for a line that takes focus
 * when the button that was pressed is gone.
 */
export function SuccessLine({ children, ref }: { children: ReactNode; ref?: Ref<HTMLParagraphElement> }) {
  return (
    <p role="status" className="status-line status-line--success" ref={ref} tabIndex={ref ? -1 : undefined}>
      {children}
    </p>
  )
}
