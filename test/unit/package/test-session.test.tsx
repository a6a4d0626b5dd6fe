import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { ErrorResponse } from 'oidc-client-ts'
import { describe, expect, it, vi } from 'vitest'
import { AuthError, GoogleApiError, type SessionSnapshot } from 'static-signin'
import { useSession } from 'static-signin/react'
import {
  createTestSession,
  TEST_CLAIMS,
  TestSessionProvider,
  type TestSessionSpec,
} from 'static-signin/testing'

// The test kit: each state, rendered through useSession as a component reads it.

/** What a component can read of the session, as text. */
function SessionFacts() {
  const s = useSession()
  const facts: [string, string][] = [
    ['starting', String(s.isStarting)],
    ['person', s.session?.profile.name ?? 'nobody'],
    ['email', s.session?.profile.email ?? '-'],
    ['scopes', s.session?.scopes.join(' ') ?? '-'],
    ['features', s.features ? 'yes' : 'no'],
    ['phase', s.keeping.phase],
    ['ended', s.keeping.endReason ?? '-'],
    ['signed out', s.keeping.signOutResult ? String(s.keeping.signOutResult.isRevoked) : '-'],
    [
      'renewal error',
      s.keeping.renewalError === undefined ? '-' : s.describeError(s.keeping.renewalError).title,
    ],
    ['error', s.error === undefined ? '-' : s.describeError(s.error).title],
  ]
  return (
    <dl>
      {facts.map(([name, value]) => (
        <div key={name}>
          <dt>{name}</dt>
          <dd aria-label={name}>{value}</dd>
        </div>
      ))}
    </dl>
  )
}

const fact = (name: string) => screen.getByLabelText(name).textContent

function renderIn(spec: TestSessionSpec) {
  render(
    <TestSessionProvider {...spec}>
      <SessionFacts />
    </TestSessionProvider>,
  )
}

const loginRequired = new ErrorResponse({ error: 'login_required' })

describe('TestSessionProvider: each state through useSession', () => {
  it.each<[string, TestSessionSpec, Record<string, string>]>([
    [
      'signed out after a sign-out',
      { state: 'signed-out' },
      { person: 'nobody', features: 'no', phase: 'idle', 'signed out': 'true', error: '-' },
    ],
    [
      'signed out, the token not revoked',
      { state: 'signed-out', signOutResult: { isRevoked: false, reason: new Error('offline') } },
      { person: 'nobody', 'signed out': 'false' },
    ],
    [
      'a first visit',
      { state: 'signed-out', signOutResult: 'none' },
      { person: 'nobody', starting: 'false', 'signed out': '-', ended: '-', error: '-' },
    ],
    [
      'restoring',
      { state: 'starting' },
      { starting: 'true', person: 'nobody', phase: 'restoring' },
    ],
    [
      'a callback under way',
      { state: 'starting', via: 'callback' },
      { starting: 'true', person: 'nobody', phase: 'callback' },
    ],
    [
      'signed in, by default',
      { state: 'signed-in' },
      {
        starting: 'false',
        person: 'Ada Lovelace',
        email: 'ada@example.com',
        scopes: 'openid email profile',
        features: 'yes',
        phase: 'idle',
        'renewal error': '-',
        error: '-',
      },
    ],
    [
      'signed in with given claims and scopes',
      { state: 'signed-in', claims: { name: 'Grace Hopper' }, scopes: ['openid', 'email'] },
      { person: 'Grace Hopper', email: 'ada@example.com', scopes: 'openid email' },
    ],
    [
      'renewing',
      { state: 'renewing', claims: { name: 'Grace Hopper' } },
      { person: 'Grace Hopper', phase: 'renewing', 'renewal error': '-' },
    ],
    [
      'renewal failed',
      { state: 'renewal-failed' },
      {
        person: 'Ada Lovelace',
        phase: 'failed',
        'renewal error': 'The sign-in provider did not answer',
        error: '-',
      },
    ],
    [
      'renewal failed, the provider wants the person',
      { state: 'renewal-failed', error: loginRequired },
      { phase: 'failed', 'renewal error': 'Please sign in again' },
    ],
    [
      'ended',
      { state: 'ended' },
      { person: 'nobody', features: 'no', ended: 'expired', phase: 'idle', error: '-' },
    ],
    [
      'ended in another tab',
      { state: 'ended', reason: 'signed-out-elsewhere' },
      { ended: 'signed-out-elsewhere' },
    ],
    [
      'an error',
      { state: 'error' },
      { person: 'nobody', starting: 'false', error: 'The sign-in provider did not answer' },
    ],
    [
      'a given error',
      { state: 'error', error: new ErrorResponse({ error: 'access_denied' }) },
      { person: 'nobody', error: 'Sign-in cancelled' },
    ],
  ])('%s', (_, spec, expected) => {
    renderIn(spec)
    for (const [name, value] of Object.entries(expected))
      expect([name, fact(name)]).toEqual([name, value])
  })

  it('renders a session made with createTestSession, whose overrides are the actions it calls', async () => {
    const signOut = vi.fn(() => Promise.resolve())
    const session = createTestSession({ state: 'signed-in' }, { signOut })
    function SignOutButton() {
      const s = useSession()
      return (
        <button type="button" onClick={() => void s.signOut()}>
          Sign out {s.session?.profile.name}
        </button>
      )
    }
    render(
      <TestSessionProvider session={session}>
        <SignOutButton />
      </TestSessionProvider>,
    )
    await userEvent.click(screen.getByRole('button', { name: 'Sign out Ada Lovelace' }))
    expect(signOut).toHaveBeenCalledOnce()
  })

  it('re-renders in a new state, as the engine moves on', () => {
    const { rerender } = render(
      <TestSessionProvider state="starting">
        <SessionFacts />
      </TestSessionProvider>,
    )
    expect(fact('starting')).toBe('true')
    rerender(
      <TestSessionProvider state="signed-in" claims={{ name: 'Grace Hopper' }}>
        <SessionFacts />
      </TestSessionProvider>,
    )
    expect(fact('starting')).toBe('false')
    expect(fact('person')).toBe('Grace Hopper')
  })

  it('has nothing without a provider: useSession says where it must be used', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    expect(() => render(<SessionFacts />)).toThrow(/<TestSessionProvider>/)
  })
})

describe('createTestSession', () => {
  it('keeps what the engine keeps: lastTokens once a session existed, none on a first visit', () => {
    const tokens = { at: expect.any(Number) as number, source: 'sign-in', durationMs: 0 }
    for (const state of ['signed-in', 'renewing', 'renewal-failed', 'ended', 'signed-out'] as const)
      expect(createTestSession({ state }).keeping.lastTokens).toEqual(tokens)
    const none: SessionSnapshot['lastTokens'] = undefined
    expect(
      createTestSession({ state: 'signed-out', signOutResult: 'none' }).keeping.lastTokens,
    ).toBe(none)
    expect(createTestSession({ state: 'starting' }).keeping.lastTokens).toBe(none)
  })

  it('a failed restore is also the keeper’s startError; a failed sign-in is not', () => {
    const error = new AuthError('timeout', 'No answer.')
    expect(createTestSession({ state: 'error', error, during: 'restore' }).keeping.startError).toBe(
      error,
    )
    expect(createTestSession({ state: 'error', error }).keeping.startError).toBeUndefined()
  })

  it('gives a signed-in state its session and features with no check, an hour to go by default', () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-11-26T12:00:00Z'))
    const s = createTestSession({ state: 'signed-in', claims: { sub: '42' }, reopened: 'calendar' })
    vi.useRealTimers()
    expect(s.session.profile).toEqual({ ...TEST_CLAIMS, sub: '42' })
    expect(s.session.expiresAt).toBe(Date.parse('2026-11-26T13:00:00Z') / 1000)
    expect(s.features.reopened).toBe('calendar')
    expect(s.features.signInScope).toBe('openid email profile')
    expect(s.features.apiBase).toBe('https://www.googleapis.com')
  })

  it('answers an API call from `api`, and refuses one whose scope was not granted, as Google would', async () => {
    const api = vi.fn((url: string) =>
      url.endsWith('/fail') ? Promise.reject(new Error('no')) : { url },
    )
    const s = createTestSession({ state: 'signed-in', scopes: ['openid', 'email'], api })
    await expect(s.features.fetchJson('https://www.googleapis.com/a')).resolves.toEqual({
      url: 'https://www.googleapis.com/a',
    })
    await expect(
      s.features.fetchJson('https://www.googleapis.com/a', {
        scope: 'https://www.googleapis.com/auth/userinfo.email', // Google's long form of `email`
      }),
    ).resolves.toEqual({ url: 'https://www.googleapis.com/a' })
    await expect(s.features.fetchJson('https://www.googleapis.com/fail')).rejects.toThrow('no')

    const denied = s.features.fetchJson('https://www.googleapis.com/b', { scope: 'calendar' })
    await expect(denied).rejects.toBeInstanceOf(GoogleApiError)
    await expect(denied).rejects.toMatchObject({ code: 'scope_missing' })
    expect(api).toHaveBeenCalledTimes(3) // never for the scope not granted
  })

  it('without `api`, every call fails and names its URL (no network, ever)', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch')
    await expect(
      createTestSession({ state: 'signed-in' }).features.fetchJson('https://www.googleapis.com/x'),
    ).rejects.toThrow('no API answer for https://www.googleapis.com/x')
    expect(fetchSpy).not.toHaveBeenCalled()
  })

  it('overrides any feature of a signed-in state, and gives none to a signed-out one', () => {
    const askForScope = vi.fn(() => Promise.resolve())
    expect(
      createTestSession({ state: 'signed-in' }, { features: { askForScope } }).features.askForScope,
    ).toBe(askForScope)
    expect(
      createTestSession({ state: 'ended' }, { features: { askForScope } }).features,
    ).toBeUndefined()
  })

  it('accepts claims only with a signed-in state (a type error otherwise)', () => {
    // @ts-expect-error: nobody is signed in, so there is nobody to describe
    createTestSession({ state: 'signed-out', claims: { name: 'Grace' } })
    // @ts-expect-error: a session ended has no scopes
    const ended = <TestSessionProvider state="ended" scopes={['openid']} />
    const session = createTestSession({ state: 'ended' })
    // @ts-expect-error: either a state or a whole session, not both
    const both = <TestSessionProvider state="signed-in" session={session} />
    expect([ended, both]).toHaveLength(2)
  })
})

describe('the test kit’s API calls follow the real session’s rules', () => {
  it('refuses a URL the token would not be sent to, as production does (url_refused)', async () => {
    const api = vi.fn(() => ({ items: [] }))
    const { features } = createTestSession({ state: 'signed-in', api })
    await expect(features.fetchJson('/api/x')).rejects.toMatchObject({ code: 'url_refused' })
    await expect(features.fetchJson('https://people.googleapis.com/v1/x')).rejects.toMatchObject({
      code: 'url_refused',
    })
    await expect(features.fetchJson('https://www.googleapis.com/drive/v3/files')).resolves.toEqual({
      items: [],
    })
    expect(api).toHaveBeenCalledOnce()
  })
})
