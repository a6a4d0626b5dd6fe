import { Component, type ErrorInfo, type ReactNode } from 'react'

interface AppErrorBoundaryProps {
  children: ReactNode
}

interface AppErrorBoundaryState {
  hasFailed: boolean
}

/** Last line of defence: an unexpected render error shows a readable page, not a blank one. */
export class AppErrorBoundary extends Component<AppErrorBoundaryProps, AppErrorBoundaryState> {
  override state: AppErrorBoundaryState = { hasFailed: false }

  static getDerivedStateFromError(): AppErrorBoundaryState {
    return { hasFailed: true }
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Unexpected error', error, info.componentStack)
  }

  override render() {
    if (!this.state.hasFailed) return this.props.children
    return (
      <main className="page main">
        <div role="alert" className="alert alert-error">
          <p className="alert-title">Something went wrong</p>
          <p>The page hit an unexpected error. You have not been signed in or out by it.</p>
          <button
            type="button"
            className="button"
            onClick={() => {
              window.location.assign(import.meta.env.BASE_URL)
            }}
          >
            Reload the app
          </button>
        </div>
      </main>
    )
  }
}
