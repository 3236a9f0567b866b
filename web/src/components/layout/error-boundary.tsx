import { Component, type ErrorInfo, type ReactNode } from 'react'

/** Keeps a broken part (a lazy chunk, a detail panel) from blanking the rest of the page. */
export class ErrorBoundary extends Component<
  {
    fallback: (error: unknown, reset: () => void) => ReactNode
    children: ReactNode
    resetKey?: unknown
  },
  { error: unknown; hasError: boolean; resetKey?: unknown }
> {
  state = { error: undefined as unknown, hasError: false, resetKey: this.props.resetKey }

  static getDerivedStateFromError(error: unknown) {
    return { error, hasError: true }
  }

  static getDerivedStateFromProps(
    props: { resetKey?: unknown },
    state: { hasError: boolean; resetKey?: unknown },
  ) {
    if (props.resetKey !== state.resetKey)
      return { hasError: false, error: undefined, resetKey: props.resetKey }
    return null
  }

  componentDidCatch(error: unknown, info: ErrorInfo) {
    console.warn('ImageDeck: a part of the page failed', error, info.componentStack)
  }

  reset = () => this.setState({ hasError: false, error: undefined })

  render() {
    return this.state.hasError
      ? this.props.fallback(this.state.error, this.reset)
      : this.props.children
  }
}
