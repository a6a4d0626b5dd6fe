import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import type { LoadEngine } from '../../../packages/static-signin/src/react/SignInProvider.tsx'
import { SessionHint } from '../../../packages/static-signin/src/session/session-hint.ts'
import { arriveWithCallback, installFakeProvider, testConfig } from '../fake-provider.ts'
import { renderApp } from '../render-app.tsx'

// The sign-in engine is its own chunk. These tests hold it back with a loader they settle
// themselves, to see what a person meets before it is in, and after.

const NONCE = 'nonce-source'

function gatedEngine() {
  const gates: { open: () => void; fail: () => void }[] = []
  const loadEngine: LoadEngine = () =>
    new Promise((resolve, reject) => {
      gates.push({
        open: () => {
          resolve(import('../../../packages/static-signin/src/react/session-engine.tsx'))
        },
        fail: () => {
          reject(new TypeError('Failed to fetch dynamically imported module'))
        },
      })
    })
  return { loadEngine, gates }
}

/** The sign-in request oidc-client-ts stores before it navigates to the provider. */
/** Pending sign-ins, but for the one a signed-in tab keeps for its next load (early-restore.ts). */
const storedSignInStates = () =>
  Object.keys(sessionStorage)
    .filter((key) => key.startsWith('oidc.'))
    .map(
      (key) =>
        JSON.parse(sessionStorage.getItem(key) ?? '{}') as {
          data?: unknown
          request_type?: string
        },
    )
    .filter((state) => state.request_type !== 'si:s:early')

describe('SignInProvider: the page before and after the sign-in engine is in', () => {
  it('says "Restoring your session…" while a restore waits for the engine, and on a restore’s answer', () => {
    new SessionHint(localStorage, testConfig.clientId).write('42')
    const { unmount } = renderApp(gatedEngine().loadEngine)
    expect(screen.getByText('Restoring your session…')).toBeInTheDocument()
    unmount()
    localStorage.clear()
    window.history.replaceState(null, '', '/?code=c&state=s%3Brestore')
    renderApp(gatedEngine().loadEngine)
    expect(screen.getByText('Restoring your session…')).toBeInTheDocument()
  })

  it('keeps a click on Sign in made before the engine arrives, and starts that sign-in once it does', async () => {
    installFakeProvider(NONCE)
    window.history.replaceState(null, '', '/account/')
    const { loadEngine, gates } = gatedEngine()
    renderApp(loadEngine)

    const button = screen.getByRole('button', { name: 'Sign in with Google' })
    await userEvent.click(button)
    expect(button).toBeDisabled()
    expect(screen.getByText('Taking you to the sign-in page…')).toBeInTheDocument()
    expect(storedSignInStates()).toEqual([])

    for (const gate of gates) gate.open()
    await expect.poll(storedSignInStates).toHaveLength(1)
    expect(storedSignInStates()[0]?.data).toEqual({ returnTo: '/account/', epoch: 0 })
  })

  it('shows "Signing you in…", never the button, while a callback waits for the engine', async () => {
    installFakeProvider(NONCE)
    await arriveWithCallback(NONCE, undefined, '/')
    const { loadEngine, gates } = gatedEngine()
    renderApp(loadEngine)

    expect(screen.getByText('Signing you in…')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Sign in with Google' })).toBeNull()
    for (const gate of gates) gate.open()
    expect(await screen.findByText('ada@example.com')).toBeInTheDocument()
  })

  it('says so when the engine cannot be loaded; trying again finishes the sign-in that came back', async () => {
    installFakeProvider(NONCE)
    await arriveWithCallback(NONCE, undefined, '/')
    const { loadEngine, gates } = gatedEngine()
    renderApp(loadEngine)
    for (const gate of gates.splice(0)) gate.fail()

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('This page did not finish loading')
    expect(alert).toHaveTextContent('Check your connection, then try again.')
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }))
    expect(screen.queryByRole('alert')).toBeNull()
    expect(screen.getByText('Signing you in…')).toBeInTheDocument()
    expect(gates).toHaveLength(1)
    gates[0]?.open()
    expect(await screen.findByText('ada@example.com')).toBeInTheDocument()
    expect(storedSignInStates()).toEqual([]) // the response redeemed, no second sign-in started
  })

  it('on a fresh page, trying again after a failed load starts the sign-in', async () => {
    installFakeProvider(NONCE)
    const { loadEngine, gates } = gatedEngine()
    renderApp(loadEngine)
    for (const gate of gates.splice(0)) gate.fail()
    await userEvent.click(await screen.findByRole('button', { name: 'Try again' }))
    for (const gate of gates) gate.open()
    await expect.poll(storedSignInStates).toHaveLength(1)
  })
})
