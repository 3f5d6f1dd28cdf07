import { Component, type ReactNode } from 'react'

type BoundaryProps = {
  fallback: ReactNode
  /** A new value (the next navigation) tries the children again. */
  resetKey?: unknown
  children: ReactNode
}
type BoundaryState = { failed: boolean; resetKey: unknown }

/** Draws `fallback` instead of children that threw while drawing (React reports the error). */
export class ErrorBoundary extends Component<BoundaryProps, BoundaryState> {
  override state: BoundaryState = { failed: false, resetKey: this.props.resetKey }

  static getDerivedStateFromError(): Partial<BoundaryState> {
    return { failed: true }
  }

  static getDerivedStateFromProps(props: BoundaryProps, state: BoundaryState): Partial<BoundaryState> | null {
    return props.resetKey === state.resetKey ? null : { failed: false, resetKey: props.resetKey }
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children
  }
}
