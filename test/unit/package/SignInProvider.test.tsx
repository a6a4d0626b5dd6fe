import { render, screen, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { readConfig, type ConfigProblem } from 'static-signin'
import { SignInProvider, useSession, type LoadEngine } from 'static-signin/react'

// A configuration with problems: the provider says what to set, and loads no sign-in code.

const App = () => <p>{useSession().session ? 'signed in' : 'The app'}</p>

function configWithProblems() {
  const result = readConfig({
    VITE_OIDC_SCOPE: 'email',
    // A value written by whoever set up the build: shown as text, never as HTML.
    VITE_OIDC_ISSUER: '<img src=x onerror="document.title=\'pwned\'">',
  })
  if (result.ok) throw new Error('expected problems')
  return result
}

describe('SignInProvider with a configuration that has problems', () => {
  it('names each variable to set, as text, and loads no engine', () => {
    const loadEngine = vi.fn<LoadEngine>()
    const config = configWithProblems()
    render(
      <SignInProvider config={config} loadEngine={loadEngine}>
        <App />
      </SignInProvider>,
    )
    const alert = screen.getByRole('alert')
    expect(alert).toHaveTextContent('Sign-in is not configured.')
    for (const problem of config.problems) {
      expect(within(alert).getByText(problem.variable)).toBeInTheDocument()
      expect(alert).toHaveTextContent(problem.message)
    }
    expect(within(alert).getByText('VITE_OIDC_CLIENT_ID')).toBeInTheDocument()
    expect(within(alert).getByText('VITE_OIDC_SCOPE')).toBeInTheDocument()
    expect(alert).toHaveTextContent('<img src=x onerror=') // the issuer as it was set, as text
    expect(screen.queryByRole('img')).toBeNull()
    expect(screen.queryByText('The app')).toBeNull()
    expect(loadEngine).not.toHaveBeenCalled()
  })

  it('renders `misconfigured` with the problems instead, and loads no engine', () => {
    const loadEngine = vi.fn<LoadEngine>()
    const misconfigured = vi.fn((problems: ConfigProblem[]) => (
      <p>{problems.length} settings missing</p>
    ))
    const config = configWithProblems()
    render(
      <SignInProvider config={config} misconfigured={misconfigured} loadEngine={loadEngine}>
        <App />
      </SignInProvider>,
    )
    expect(
      screen.getByText(`${String(config.problems.length)} settings missing`),
    ).toBeInTheDocument()
    expect(misconfigured).toHaveBeenCalledWith(config.problems)
    expect(screen.queryByRole('alert')).toBeNull()
    expect(loadEngine).not.toHaveBeenCalled()
  })

  it('with a valid configuration, does load the engine (so the checks above can fail)', () => {
    const loadEngine = vi.fn<LoadEngine>(() => new Promise(() => undefined))
    const result = readConfig({
      VITE_OIDC_CLIENT_ID: '1-abc.apps.googleusercontent.com',
      VITE_OIDC_CLIENT_SECRET: 'secret',
    })
    render(
      <SignInProvider config={result} loadEngine={loadEngine}>
        <App />
      </SignInProvider>,
    )
    expect(screen.getByText('The app')).toBeInTheDocument()
    expect(loadEngine).toHaveBeenCalled()
  })
})
