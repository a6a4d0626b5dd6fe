import { ErrorResponse } from 'oidc-client-ts'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { CALENDAR_EVENTS_SCOPE } from '../../../packages/static-signin/src/google/scopes.ts'
import { readReopenedFeature } from '../../../packages/static-signin/src/session/ask-for-scope.ts'
import type { SessionHint } from '../../../packages/static-signin/src/session/session-hint.ts'
import { FakeChannel, FakeKeptManager, issueUser, SUB } from './fake-kept-manager.ts'
import { setUpKeeperHarness } from './keeper-harness.ts'

const harness = setUpKeeperHarness()
const { createKeeper, signedIn } = harness
let manager: FakeKeptManager
let hint: SessionHint
let channel: FakeChannel
const GRACE = '104927731800266411739'
const WITH_CALENDAR = `openid email profile ${CALENDAR_EVENTS_SCOPE}`
const CALENDAR_NEED = { scope: CALENDAR_EVENTS_SCOPE, sub: SUB }
/** The session's tokens were granted the calendar too. */
const grantCalendar = () => {
  if (manager.user) manager.user.scope = WITH_CALENDAR
}

beforeEach(() => {
  ;({ manager, hint, channel } = harness)
})

describe('asking for a scope (incremental authorization)', () => {
  it('redirects at the top level for the new scope as this account, carrying where to return and what to open', async () => {
    const keeper = await signedIn(3600)
    await keeper.askForScope({
      scope: `openid email profile ${CALENDAR_EVENTS_SCOPE}`,
      returnTo: '/?x=1',
      feature: 'calendar',
    })
    expect(manager.signinRedirect).toHaveBeenCalledWith({
      scope: `openid email profile ${CALENDAR_EVENTS_SCOPE}`,
      login_hint: SUB,
      state: { returnTo: '/?x=1', epoch: 0, feature: 'calendar', account: SUB },
    })
  })

  it('opens the feature on return only for the account it was asked for', () => {
    const state = { returnTo: '/', epoch: 0, feature: 'calendar', account: SUB }
    expect(readReopenedFeature(state, SUB)).toBe('calendar')
    expect(readReopenedFeature(state, GRACE)).toBeUndefined()
    expect(readReopenedFeature({ ...state, feature: 'drive' }, SUB)).toBe('drive')
    expect(readReopenedFeature({ ...state, feature: '<b>x</b>' }, SUB)).toBeUndefined()
    expect(readReopenedFeature({ ...state, feature: 42 }, SUB)).toBeUndefined()
    expect(readReopenedFeature(undefined, SUB)).toBeUndefined()
  })

  it('"Use another account" shows the provider’s chooser, with no login_hint', async () => {
    const keeper = await signedIn(3600)
    await keeper.chooseAnotherAccount('/account')
    expect(manager.signinRedirect).toHaveBeenCalledWith({
      prompt: 'select_account',
      state: { returnTo: '/account', epoch: 0, account: SUB },
    })
  })
})

describe('switching accounts across tabs', () => {
  it('announces who signed in, so other tabs can tell an account switch', async () => {
    await signedIn(3600)
    expect(channel.posted).toEqual([{ type: 'signed-in', epoch: 0, sub: SUB }])
  })

  it('a tab holding Ada that hears Grace signed in drops Ada’s tokens at once, then joins as Grace', async () => {
    const keeper = await signedIn(3600)
    const loaded: string[] = []
    manager.events.addUserLoaded((user) => loaded.push(user.profile.sub))
    manager.autoSilent = () => issueUser(3600, GRACE)
    hint.write(GRACE) // the other tab writes the hint before it announces
    channel.deliver({ type: 'signed-in', epoch: 0, sub: GRACE })
    await vi.advanceTimersByTimeAsync(0)
    expect(manager.removeUser).toHaveBeenCalledOnce() // Ada forgotten before Grace arrives
    expect(manager.revokeToken).not.toHaveBeenCalled() // not signed out: Ada’s grant stays
    expect(manager.signinSilent).toHaveBeenCalledWith(
      expect.objectContaining({ login_hint: GRACE }),
    )
    expect(manager.user?.profile.sub).toBe(GRACE)
    expect([...new Set(loaded)]).toEqual([GRACE]) // nothing of Ada's is loaded again
    expect(keeper.getSnapshot().lastTokens?.source).toBe('other-tab')
    expect(channel.posted.filter((m) => m.sub === GRACE)).toEqual([]) // a join does not re-announce
  })

  it('joins the announced account even when the shared hint has not caught up yet', async () => {
    await signedIn(3600)
    manager.autoSilent = () => issueUser(3600, GRACE)
    // No hint.write here: the other tab's localStorage write has not reached this tab yet.
    channel.deliver({ type: 'signed-in', epoch: 0, sub: GRACE })
    await vi.advanceTimersByTimeAsync(0)
    expect(manager.signinSilent).toHaveBeenCalledWith(
      expect.objectContaining({ login_hint: GRACE }),
    )
    expect(manager.user?.profile.sub).toBe(GRACE)
    expect(hint.read()).toBe(GRACE)
  })

  it('the same account signed in elsewhere changes nothing here', async () => {
    await signedIn(3600)
    channel.deliver({ type: 'signed-in', epoch: 0, sub: SUB })
    await vi.advanceTimersByTimeAsync(0)
    expect(manager.removeUser).not.toHaveBeenCalled()
    expect(manager.signinSilent).not.toHaveBeenCalled()
  })

  it('an API call begun for Ada cannot renew or read tokens once Grace replaced her', async () => {
    const keeper = await signedIn(3600)
    grantCalendar()
    const tokens = keeper.lendAccessTokens(CALENDAR_NEED)
    await expect(tokens.read()).resolves.toBe(manager.user?.access_token)
    manager.autoSilent = () => issueUser(3600, GRACE)
    hint.write(GRACE)
    channel.deliver({ type: 'signed-in', epoch: 0, sub: GRACE })
    await vi.advanceTimersByTimeAsync(0)
    await expect(tokens.read()).rejects.toMatchObject({ code: 'superseded' })
    await expect(tokens.renew()).rejects.toMatchObject({ code: 'superseded' })
  })

  it('an API call’s 401 renews this session once, silently, as this account', async () => {
    const keeper = await signedIn(3600)
    manager.autoSilent = () => issueUser(3600, SUB, undefined, { scope: WITH_CALENDAR })
    const before = manager.user?.access_token
    const tokens = keeper.lendAccessTokens(CALENDAR_NEED)
    const renewed = await tokens.renew()
    expect(manager.signinSilent).toHaveBeenCalledOnce()
    expect(manager.signinSilent).toHaveBeenCalledWith(expect.objectContaining({ login_hint: SUB }))
    expect(renewed).toBe(manager.user?.access_token)
    expect(renewed).not.toBe(before)
  })
})

describe('saying no at the provider to a feature’s access', () => {
  const declined = (account: string, error = 'access_denied') =>
    new ErrorResponse({
      error,
      userState: { returnTo: '/', epoch: 0, feature: 'calendar', account },
    })
  const failCallback = (error: unknown) => {
    manager.callbackFailed.forEach((listener) => {
      listener(error)
    })
  }

  it('restores the session silently as the same account, and the feature says it needs the access', async () => {
    hint.write(SUB)
    manager.autoSilent = () => issueUser(3600, SUB)
    const keeper = createKeeper(true)
    failCallback(declined(SUB))
    expect(keeper.getSnapshot().phase).toBe('restoring') // "Signing you in…", not signed out
    await vi.advanceTimersByTimeAsync(0)
    expect(manager.signinSilent).toHaveBeenCalledWith(expect.objectContaining({ login_hint: SUB }))
    expect(manager.user?.profile.sub).toBe(SUB)
    expect(keeper.getSnapshot().phase).toBe('idle')
    expect(keeper.readDeclinedFeature()).toBe('calendar')
    await keeper.signOut()
    expect(keeper.readDeclinedFeature()).toBeUndefined() // gone with the session
  })

  it('Cancel on the account chooser keeps the account the person had, no feature declined', async () => {
    hint.write(SUB)
    manager.autoSilent = () => issueUser(3600, SUB)
    const keeper = createKeeper(true)
    failCallback(
      new ErrorResponse({
        error: 'access_denied',
        userState: { returnTo: '/', epoch: 0, account: SUB },
      }),
    )
    await vi.advanceTimersByTimeAsync(0)
    expect(manager.user?.profile.sub).toBe(SUB)
    expect(keeper.readDeclinedFeature()).toBeUndefined()
  })

  it.each([
    ['another account than the hint', declined(GRACE)],
    ['another failure than access_denied', declined(SUB, 'server_error')],
    [
      'an ordinary sign-in',
      new ErrorResponse({ error: 'access_denied', userState: { returnTo: '/' } }),
    ],
  ])('after %s, stays an ordinary failed sign-in', async (_, error) => {
    hint.write(SUB)
    const keeper = createKeeper(true)
    failCallback(error)
    await vi.advanceTimersByTimeAsync(0)
    expect(manager.signinSilent).not.toHaveBeenCalled()
    expect(keeper.getSnapshot().phase).toBe('idle')
    expect(keeper.readDeclinedFeature()).toBeUndefined()
  })
})
