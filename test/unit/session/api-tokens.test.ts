import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { CALENDAR_EVENTS_SCOPE } from '../../../packages/static-signin/src/google/scopes.ts'
import { fetchAuthorized } from '../../../packages/static-signin/src/oidc/authorized-fetch.ts'
import type { SessionKeeper } from '../../../packages/static-signin/src/session/session-keeper.ts'
import { FakeKeptManager, issueUser, SUB } from './fake-kept-manager.ts'
import { setUpKeeperHarness } from './keeper-harness.ts'

// "No API call is made without the scope", and never with an expired token: enforced where the
// session lends its token, not only by the page that offers the feature.

const harness = setUpKeeperHarness()
let manager: FakeKeptManager
const SIGN_IN = 'openid https://www.googleapis.com/auth/userinfo.email'
const WITH_CALENDAR = `${SIGN_IN} ${CALENDAR_EVENTS_SCOPE}`
const NEED = { scope: CALENDAR_EVENTS_SCOPE, sub: SUB }

beforeEach(() => {
  manager = harness.manager
})
afterEach(() => {
  vi.unstubAllGlobals()
})

/** A signed-in tab whose token response granted `scope`. */
async function signedInWith(scope: string): Promise<SessionKeeper> {
  const keeper = await harness.signedIn(3600)
  if (manager.user) manager.user.scope = scope
  return keeper
}

/** Calls the Calendar the way the session's fetchJson does; returns what reached the network. */
async function loadEvents(keeper: SessionKeeper): Promise<{ error: unknown; sent: string[] }> {
  const sent: string[] = []
  vi.stubGlobal('fetch', (_url: string, init: RequestInit) => {
    sent.push(new Headers(init.headers).get('Authorization') ?? '')
    return Promise.resolve(Response.json({ items: [] }))
  })
  const error = await fetchAuthorized({
    url: 'https://www.googleapis.com/calendar/v3/calendars/primary/events',
    tokens: keeper.lendAccessTokens(NEED),
    timeoutMs: 1000,
  }).then(
    () => undefined,
    (failure: unknown) => failure,
  )
  return { error, sent }
}

describe('lending the session’s token to an API call', () => {
  it('refuses a token whose granted scopes lack the API’s: scope_missing, and nothing is sent', async () => {
    const keeper = await signedInWith(SIGN_IN)
    const { error, sent } = await loadEvents(keeper)
    expect(error).toMatchObject({ name: 'GoogleApiError', code: 'scope_missing' })
    expect(sent).toEqual([])
  })

  it('lends a token whose answer granted the scope', async () => {
    const keeper = await signedInWith(WITH_CALENDAR)
    const { error, sent } = await loadEvents(keeper)
    expect(error).toBeUndefined()
    expect(sent).toEqual([`Bearer ${manager.user?.access_token ?? ''}`])
  })

  it('a renewal whose answer no longer grants the scope lends nothing', async () => {
    const keeper = await signedInWith(WITH_CALENDAR)
    manager.autoSilent = () => issueUser(3600, SUB, undefined, { scope: SIGN_IN })
    await expect(keeper.lendAccessTokens(NEED).renew()).rejects.toMatchObject({
      code: 'scope_missing',
    })
  })

  it('never sends an expired token: it renews first, as this account, and sends the new one', async () => {
    const keeper = await signedInWith(WITH_CALENDAR)
    const expired = manager.user?.access_token
    vi.setSystemTime(Date.now() + 3601_000) // the clock jumped past expiry (the keeper's tick has not run)
    manager.autoSilent = () => issueUser(3600, SUB, undefined, { scope: WITH_CALENDAR })
    const { error, sent } = await loadEvents(keeper)
    expect(error).toBeUndefined()
    expect(manager.signinSilent).toHaveBeenCalledWith(expect.objectContaining({ login_hint: SUB }))
    expect(sent).toEqual([`Bearer ${manager.user?.access_token ?? ''}`])
    expect(sent).not.toContain(`Bearer ${expired ?? ''}`)
  })

  it('an expired token whose renewal fails is not sent either', async () => {
    const keeper = await signedInWith(WITH_CALENDAR)
    vi.setSystemTime(Date.now() + 3601_000)
    manager.autoSilent = () => new Error('login_required')
    const { error, sent } = await loadEvents(keeper)
    expect(error).toBeDefined()
    expect(sent).toEqual([])
  })

  it('refuses to lend for another account than the call was started for', async () => {
    const keeper = await signedInWith(WITH_CALENDAR)
    await expect(
      keeper.lendAccessTokens({ ...NEED, sub: 'someone-else' }).read(),
    ).rejects.toMatchObject({ code: 'superseded' })
  })
})
