import { act, StrictMode, type ReactNode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { renderToString } from 'react-dom/server'
import { StaticRouter } from 'react-router-dom'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { App } from '../../../src/App.tsx'
import { AppErrorBoundary } from '../../../src/components/AppErrorBoundary.tsx'
import { readPageStart } from '../../../packages/static-signin/src/session/read-page-start.ts'
import type { LoadEngine } from '../../../packages/static-signin/src/react/SignInProvider.tsx'
import { FRESH_START } from '../../../packages/static-signin/src/session/page-start.ts'
import { installFakeProvider, testConfig } from '../fake-provider.ts'
import { refuseStorage } from '../refuse-storage.ts'
import { renderApp } from '../render-app.tsx'

// A browser that cannot sign in at all: site data blocked, or a platform feature missing. The page
// must say so and why, keep the button from doing anything, and never load the sign-in engine.

const NONCE = 'nonce-refusal'
// Before the setup file's own afterEach, which clears both storages.
afterEach(() => {
  document.documentElement.removeAttribute('data-ready')
  document.documentElement.removeAttribute('data-early-click')
})

function openApp() {
  const loadEngine = vi.fn<LoadEngine>(
    () => import('../../../packages/static-signin/src/react/session-engine.tsx'),
  )
  renderApp(loadEngine)
  return loadEngine
}

/**
 * The home page as src/prerender.tsx renders it at build time. (Its react-dom/static call leaves
 * the router's context set in this single-realm test, so renderToString stands in for it here.)
 */
function prerenderHome(): string {
  function AtHome({ basename, children }: { basename: string; children: ReactNode }) {
    return (
      <StaticRouter basename={basename} location="/">
        {children}
      </StaticRouter>
    )
  }
  return renderToString(
    <StrictMode>
      <AppErrorBoundary>
        <App config={testConfig} router={AtHome} start={FRESH_START} />
      </AppErrorBoundary>
    </StrictMode>,
  )
}

const signInButton = () => screen.getByRole('button', { name: 'Sign in with Google' })

describe('a browser that refuses site data', () => {
  it('says how to allow it, disables the button, loads no engine and starts nothing', async () => {
    const calls = installFakeProvider(NONCE)
    refuseStorage('localStorage', 'sessionStorage')
    const loadEngine = openApp()

    // An alert at once: a short sentence, or already the wording with each browser's steps, which
    // comes from its own chunk (how soon depends on the machine's load, so either may be first).
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toMatch(
      /Signing in is not possible in this browser\.|This browser blocks cookies and site data/,
    )
    await waitFor(() => {
      expect(alert).toHaveTextContent('This browser blocks cookies and site data for this site')
    })
    expect(alert).toHaveTextContent('Signing in needs site data')
    expect(alert).toHaveTextContent('This browser blocks cookies and site data for this site')
    for (const browser of ['Chrome: Settings', 'Edge: Settings', 'Firefox: Settings', 'Safari:'])
      expect(alert).toHaveTextContent(browser)
    expect(within(alert).getByText('localStorage: SecurityError: denied', { exact: false }))
    expect(within(alert).getByRole('button', { name: 'Reload the page' })).toBeEnabled()

    expect(signInButton()).toBeDisabled()
    expect(signInButton()).toHaveAccessibleDescription(/Signing in needs site data/)
    await userEvent.click(signInButton())
    expect(screen.queryByText('Taking you to the sign-in page…')).toBeNull()
    expect(screen.queryByText('Something went wrong')).toBeNull()
    expect(loadEngine).not.toHaveBeenCalled()
    expect(calls).toEqual([])
  })

  it('cleans a response that arrives anyway from the address, redeems nothing, and does not hang', async () => {
    const calls = installFakeProvider(NONCE)
    window.history.replaceState(null, '', '/?code=c-1&state=s-1&iss=x')
    refuseStorage('localStorage', 'sessionStorage')
    const loadEngine = openApp()

    expect(await screen.findByRole('alert')).toHaveTextContent('Signing in needs site data')
    expect(screen.queryByText('Signing you in…')).toBeNull()
    expect(window.location.pathname + window.location.search).toBe('/')
    expect(signInButton()).toBeDisabled()
    expect(loadEngine).not.toHaveBeenCalled()
    expect(calls).toEqual([])
  })
})

describe('a browser that lacks a feature the sign-in needs', () => {
  it.each([
    ['BroadcastChannel', () => vi.stubGlobal('BroadcastChannel', undefined)],
    [
      'crypto.subtle',
      () => vi.stubGlobal('crypto', { getRandomValues: crypto.getRandomValues.bind(crypto) }),
    ],
  ])('without %s, names it, disables the button and loads no engine', async (feature, remove) => {
    const calls = installFakeProvider(NONCE)
    remove()
    const loadEngine = openApp()

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Signing in is not possible in this browser')
    await waitFor(() => {
      expect(alert).toHaveTextContent(`it lacks ${feature}`)
    })
    expect(alert).toHaveTextContent(
      `This browser can’t sign you in: it lacks ${feature}. Update it, or use a current version of Chrome, Edge, Firefox or Safari.`,
    )
    expect(signInButton()).toBeDisabled()
    expect(signInButton()).toHaveAccessibleDescription(new RegExp(`it lacks ${feature}`))
    expect(loadEngine).not.toHaveBeenCalled()
    expect(calls).toEqual([])
  })
})

describe('the prerendered page in a browser that refuses', () => {
  it('hydrates as prerendered, keeps its button element, then explains; an early click starts nothing', async () => {
    const calls = installFakeProvider(NONCE)
    const root = document.createElement('div')
    root.innerHTML = prerenderHome()
    document.body.append(root)
    const prerenderedButton = within(root).getByRole('button', { name: 'Sign in with Google' })
    // The person clicked the prerendered button before the app was ready (packages/static-signin/src/config/boot.ts).
    document.documentElement.setAttribute('data-early-click', '')

    refuseStorage('localStorage', 'sessionStorage')
    const loadEngine = vi.fn<LoadEngine>(
      () => import('../../../packages/static-signin/src/react/session-engine.tsx'),
    )
    const onRecoverableError = vi.fn()
    await act(async () => {
      hydrateRoot(
        root,
        <StrictMode>
          <AppErrorBoundary>
            <App
              config={testConfig}
              start={readPageStart(testConfig.clientId, '/')}
              loadEngine={loadEngine}
            />
          </AppErrorBoundary>
        </StrictMode>,
        { onRecoverableError },
      )
      await Promise.resolve()
    })

    expect(await within(root).findByRole('alert')).toHaveTextContent('Signing in needs site data')
    expect(onRecoverableError).not.toHaveBeenCalled() // no hydration mismatch
    expect(within(root).getByRole('button', { name: 'Sign in with Google' })).toBe(
      prerenderedButton,
    )
    expect(prerenderedButton).toBeDisabled()
    expect(within(root).queryByText('Taking you to the sign-in page…')).toBeNull()
    expect(loadEngine).not.toHaveBeenCalled()
    expect(calls).toEqual([])
    root.remove()
  })
})
