import { ErrorResponse, ErrorTimeout } from 'oidc-client-ts'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { AuthError } from '../../../packages/static-signin/src/oidc/auth-error.ts'
import {
  RECHECK_IFRAME_AFTER_MS,
  RestorePathMemory,
} from '../../../packages/static-signin/src/session/restore-path.ts'
import { SignOutEpoch } from '../../../packages/static-signin/src/session/sign-out-epoch.ts'
import {
  isEndedAtProvider,
  isIframeShutOut,
  RECENT_LEAVE_MS,
} from '../../../packages/static-signin/src/session/top-level-restore.ts'
import { issueUser, SUB, type FakeChannel, type FakeKeptManager } from './fake-kept-manager.ts'
import { setUpKeeperHarness } from './keeper-harness.ts'

// The top-level restore (issue 18): which path a page load takes, and when it stops.

const harness = setUpKeeperHarness()
const { createKeeper } = harness
let manager: FakeKeptManager
let channel: FakeChannel

beforeEach(() => {
  ;({ manager, channel } = harness)
})

const shutOut = () => new ErrorResponse({ error: 'login_required' })
const flush = () => vi.advanceTimersByTimeAsync(0)
const restoreState = (learnsTopLevel: boolean, epoch = 0) => ({
  returnTo: '/account',
  epoch,
  isRestoring: true,
  learnsTopLevel,
  loginHint: SUB,
})
/** The arguments of the top-level round trip, if one was made. */
const leftWith = () => manager.signinRedirect.mock.calls[0]?.[0] as Record<string, unknown>

describe('RestorePathMemory: what this browser taught about the iframe', () => {
  const memory = () => new RestorePathMemory(localStorage, 'client')

  it('tries the iframe first until the top-level path is shown to be needed', () => {
    expect(memory().read(Date.now())).toBe('iframe')
    memory().learnTopLevel(Date.now())
    expect(memory().read(Date.now())).toBe('top-level')
    memory().learnIframe()
    expect(memory().read(Date.now())).toBe('iframe')
  })

  it('re-checks the iframe once the lesson is a week old, or when the clock went back', () => {
    const learnedAt = Date.now()
    memory().learnTopLevel(learnedAt)
    expect(memory().read(learnedAt + RECHECK_IFRAME_AFTER_MS - 1)).toBe('top-level')
    expect(memory().read(learnedAt + RECHECK_IFRAME_AFTER_MS)).toBe('iframe')
    expect(memory().read(learnedAt - 1)).toBe('iframe')
    localStorage.setItem('static-signin.restore-path:client', 'garbage')
    expect(memory().read(learnedAt)).toBe('iframe')
  })

  it('with storage refused, learns nothing and tries the iframe', () => {
    const refused = new Proxy(localStorage, {
      get: () => () => {
        throw new DOMException('denied', 'SecurityError')
      },
    })
    const refusing = new RestorePathMemory(refused, 'client')
    refusing.learnTopLevel(Date.now())
    expect(refusing.read(Date.now())).toBe('iframe')
  })
})

describe('which failures mean "the iframe is shut out"', () => {
  it.each<[string, unknown, boolean]>([
    ['login_required', new ErrorResponse({ error: 'login_required' }), true],
    ['interaction_required', new ErrorResponse({ error: 'interaction_required' }), true],
    ['consent_required', new ErrorResponse({ error: 'consent_required' }), true],
    ['the iframe never answering', new ErrorTimeout('IFrame timed out without a response'), true],
    ['a code exchange timing out', new ErrorTimeout('Network timed out'), false],
    ['access_denied', new ErrorResponse({ error: 'access_denied' }), false],
    ['a rejected ID token', new AuthError('id_token_invalid', 'no'), false],
    ['a network error', new TypeError('Failed to fetch'), false],
  ])('%s: %s', (_, error, expected) => {
    expect(isIframeShutOut(error)).toBe(expected)
  })

  it('only a top-level restore answered "sign in" means the session ended at the provider', () => {
    const answer = (state: unknown) =>
      new ErrorResponse({ error: 'login_required', userState: state })
    expect(isEndedAtProvider(answer(restoreState(true)))).toBe(true)
    expect(isEndedAtProvider(answer({ returnTo: '/', isStayingSignedIn: true }))).toBe(false)
    expect(isEndedAtProvider(answer(undefined))).toBe(false)
    const failed = new ErrorResponse({ error: 'server_error', userState: restoreState(true) })
    expect(isEndedAtProvider(failed)).toBe(false)
    // As react-oidc-context hands it on.
    expect(isEndedAtProvider({ innerError: answer(restoreState(false)) })).toBe(true)
  })
})

describe('a page load with the hint', () => {
  it('where the iframe restores, never leaves, and forgets any lesson that it could not', async () => {
    harness.restorePaths.learnTopLevel(Date.now() - RECHECK_IFRAME_AFTER_MS) // due for a re-check
    harness.hint.write(SUB)
    const keeper = createKeeper()
    await keeper.restoreOnce('/')
    expect(manager.signinSilent).toHaveBeenCalledOnce()
    expect(manager.signinRedirect).not.toHaveBeenCalled()
    expect(localStorage.getItem('static-signin.restore-path:client')).toBeNull()
    expect(keeper.getSnapshot()).toMatchObject({ phase: 'idle', lastTokens: { source: 'restore' } })
  })

  it('where this browser needs the top-level path, goes straight there: no iframe, no wait', async () => {
    harness.restorePaths.learnTopLevel(Date.now())
    harness.hint.write(SUB)
    const keeper = createKeeper()
    await keeper.restoreOnce('/account?q=1#h')
    expect(manager.signinSilent).not.toHaveBeenCalled()
    expect(leftWith()).toMatchObject({
      prompt: 'none',
      login_hint: SUB,
      state: { returnTo: '/account?q=1#h', isRestoring: true, learnsTopLevel: false },
      redirectMethod: 'replace',
    })
    expect(keeper.getSnapshot().phase).toBe('restoring')
  })

  it.each<[string, () => void]>([
    [
      'opened with an authorization response (cleaned away)',
      () => {
        harness.wasOpenedWithResponse = true
      },
    ],
    [
      'this tab left to restore a moment ago and did not come back (Back at the provider)',
      () => {
        harness.leaveMark.set(Date.now() - RECENT_LEAVE_MS + 1_000)
      },
    ],
  ])('never leaves on its own when %s: it offers one click instead', async (_, arrange) => {
    arrange()
    harness.hint.write(SUB)
    manager.autoSilent = shutOut
    const keeper = createKeeper()
    await keeper.restoreOnce('/')
    expect(manager.signinRedirect).not.toHaveBeenCalled()
    expect(keeper.getSnapshot()).toMatchObject({
      phase: 'idle',
      startError: undefined,
      invitation: { name: undefined, learnsTopLevel: true },
    })
    expect(harness.hint.read()).toBe(SUB)
    vi.restoreAllMocks()
  })

  it('offline, never leaves, and waits for the network to try again', async () => {
    harness.hint.write(SUB)
    const offline = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
    manager.autoSilent = () => new ErrorTimeout('IFrame timed out without a response')
    const keeper = createKeeper()
    await keeper.restoreOnce('/')
    expect(manager.signinRedirect).not.toHaveBeenCalled()
    expect(keeper.getSnapshot()).toMatchObject({ endReason: 'offline', invitation: undefined })
    offline.mockReturnValue(true)
    manager.autoSilent = () => issueUser(3600)
    window.dispatchEvent(new Event('online'))
    await flush()
    expect(manager.user).not.toBeNull()
    offline.mockRestore()
  })

  it('an iframe that never answers leaves, but teaches nothing: it may be the network or a missing redirect URI', async () => {
    harness.hint.write(SUB)
    manager.autoSilent = () => new ErrorTimeout('IFrame timed out without a response')
    await createKeeper().restoreOnce('/')
    expect(leftWith()).toMatchObject({ state: { learnsTopLevel: false } })
  })

  it('leaves again once the mark of the last attempt is old', async () => {
    harness.leaveMark.set(Date.now() - RECENT_LEAVE_MS)
    harness.hint.write(SUB)
    manager.autoSilent = shutOut
    await createKeeper().restoreOnce('/')
    expect(manager.signinRedirect).toHaveBeenCalledOnce()
  })

  it('marks the attempt in this tab; the page it comes back to clears the mark', async () => {
    harness.hint.write(SUB)
    manager.autoSilent = shutOut
    await createKeeper().restoreOnce('/')
    expect(harness.leaveMark.isRecent(Date.now())).toBe(true)
    harness.stopKeeper()
    createKeeper(true)
    expect(harness.leaveMark.isRecent(Date.now())).toBe(false)
  })

  it('does not leave when a sign-out in another tab came while the iframe was trying', async () => {
    harness.hint.write(SUB)
    manager.autoSilent = undefined
    const keeper = createKeeper()
    const restoring = keeper.restoreOnce('/')
    await flush()
    const epoch = new SignOutEpoch(localStorage, 'client').advance()
    harness.hint.clear()
    channel.deliver({ type: 'signed-out', epoch })
    manager.answerSilent(shutOut())
    await restoring
    expect(manager.signinRedirect).not.toHaveBeenCalled()
    expect(keeper.getSnapshot().invitation).toBeUndefined()
  })

  it('once on its way to the provider, a sign-out it hears ends the session here but keeps the request for the page it lands on to refuse', async () => {
    harness.hint.write(SUB)
    manager.autoSilent = shutOut
    const keeper = createKeeper()
    await keeper.restoreOnce('/')
    expect(manager.isLeaving).toBe(true)
    const epoch = new SignOutEpoch(localStorage, 'client').advance()
    channel.deliver({ type: 'signed-out', epoch })
    await vi.advanceTimersByTimeAsync(2_000) // the tick's catch-up, too
    // Only the iframe's own leftovers were discarded, never the round trip's state.
    expect(manager.discardPendingSignins.mock.calls).toEqual([['si:s']])
    expect(keeper.getSnapshot()).toMatchObject({
      phase: 'idle',
      endReason: 'signed-out-elsewhere',
    })
  })

  it('says why when the round trip cannot even start', async () => {
    harness.restorePaths.learnTopLevel(Date.now())
    harness.hint.write(SUB)
    const failure = new AuthError('discovery_invalid', 'no')
    manager.signinRedirect.mockRejectedValueOnce(failure)
    const keeper = createKeeper()
    await keeper.restoreOnce('/')
    expect(keeper.getSnapshot()).toMatchObject({ phase: 'idle', startError: failure })
  })
})

describe('the page the top-level restore comes back to', () => {
  it('signs in as restored, and learns that this browser needs the top-level path', () => {
    harness.hint.write(SUB)
    const keeper = createKeeper(true)
    manager.store(issueUser(3600, SUB, restoreState(true)))
    expect(keeper.getSnapshot().lastTokens?.source).toBe('restore')
    expect(harness.restorePaths.read(Date.now())).toBe('top-level')
  })

  it('does not renew the lesson when it went there because of it (the weekly re-check stays due)', () => {
    const learnedAt = Date.now() - RECHECK_IFRAME_AFTER_MS + 60_000
    harness.restorePaths.learnTopLevel(learnedAt)
    createKeeper(true)
    manager.store(issueUser(3600, SUB, restoreState(false)))
    expect(harness.restorePaths.read(Date.now() + 60_000)).toBe('iframe')
  })

  it('answered "sign in" (login_required): the signed-out page, and the hint is gone', () => {
    harness.hint.write(SUB)
    const keeper = createKeeper(true)
    const answer = new ErrorResponse({ error: 'login_required', userState: restoreState(true) })
    manager.callbackFailed.forEach((listener) => {
      listener(answer)
    })
    expect(harness.hint.read()).toBeUndefined()
    expect(keeper.getSnapshot()).toMatchObject({ phase: 'idle', invitation: undefined })
    expect(manager.signinRedirect).not.toHaveBeenCalled()
  })

  it('keeps the hint when another tab signed in as someone else meanwhile', () => {
    harness.hint.write('someone-else')
    createKeeper(true)
    const answer = new ErrorResponse({ error: 'login_required', userState: restoreState(true) })
    manager.callbackFailed.forEach((listener) => {
      listener(answer)
    })
    expect(harness.hint.read()).toBe('someone-else')
  })

  it('an ordinary sign-in answered login_required keeps the hint (not a restore)', () => {
    harness.hint.write(SUB)
    createKeeper(true)
    const answer = new ErrorResponse({ error: 'login_required', userState: { returnTo: '/' } })
    manager.callbackFailed.forEach((listener) => {
      listener(answer)
    })
    expect(harness.hint.read()).toBe(SUB)
  })

  it('refuses the answer when the person signed out anywhere after it left', () => {
    harness.hint.write(SUB)
    createKeeper(true)
    new SignOutEpoch(localStorage, 'client').advance()
    expect(() => {
      manager.store(issueUser(3600, SUB, restoreState(true, 0)))
    }).toThrow(/signed out/)
    expect(manager.user).toBeNull()
    expect(manager.revokeToken).toHaveBeenCalled()
  })
})

describe('an open tab that hears another tab sign in', () => {
  it('where the iframe cannot join, offers "Continue as <name>" and never navigates', async () => {
    manager.autoSilent = shutOut
    const keeper = createKeeper() // signed out, open
    harness.hint.write(SUB) // the other tab signed in
    channel.deliver({ type: 'signed-in', epoch: 0, name: 'Ada Lovelace' })
    await flush()
    expect(keeper.getSnapshot().invitation).toEqual({ name: 'Ada Lovelace', learnsTopLevel: true })
    expect(manager.signinRedirect).not.toHaveBeenCalled()
    expect(harness.hint.read()).toBe(SUB) // the other tab's session: never forgotten here
  })

  it('where this browser needs the top-level path, offers it at once, without an iframe', async () => {
    harness.restorePaths.learnTopLevel(Date.now())
    const keeper = createKeeper()
    channel.deliver({ type: 'signed-in', epoch: 0, name: 'Ada Lovelace' })
    await flush()
    expect(manager.signinSilent).not.toHaveBeenCalled()
    expect(keeper.getSnapshot().invitation).toEqual({ name: 'Ada Lovelace', learnsTopLevel: false })
  })

  it('"Continue" leaves once, at top level, for the hinted account, and comes back here', async () => {
    manager.autoSilent = shutOut
    const keeper = createKeeper() // signed out, open
    harness.hint.write(SUB) // the other tab signed in
    channel.deliver({ type: 'signed-in', epoch: 0, name: 'Ada Lovelace' })
    await flush()
    // As in a browser: the library's promise does not settle while the page leaves.
    manager.signinRedirect.mockImplementation(() => new Promise<void>(() => undefined))
    void keeper.continueSession('/account')
    await flush()
    void keeper.continueSession('/account')
    await flush()
    expect(manager.signinRedirect).toHaveBeenCalledExactlyOnceWith({
      prompt: 'none',
      login_hint: SUB,
      state: restoreState(true),
      url_state: 'restore',
      redirectMethod: 'assign',
    })
    expect(keeper.getSnapshot().isStaying).toBe(true)
  })

  it('shown again by Back from the back/forward cache, the page’s Continue button is live again', async () => {
    manager.autoSilent = shutOut
    const keeper = createKeeper()
    harness.hint.write(SUB)
    channel.deliver({ type: 'signed-in', epoch: 0, name: 'Ada Lovelace' })
    await flush()
    await keeper.continueSession('/') // the fake's promise settles: the page was shown again
    expect(keeper.getSnapshot()).toMatchObject({
      isStaying: false,
      invitation: { name: 'Ada Lovelace' },
    })
  })

  it('joins the account the message names, even before the other tab’s hint reaches this one', async () => {
    manager.autoSilent = () => issueUser(3600, 'grace')
    const keeper = createKeeper()
    harness.hint.write(SUB) // the old account: the new hint has not arrived yet
    channel.deliver({ type: 'signed-in', epoch: 0, sub: 'grace', name: 'Grace Hopper' })
    await flush()
    expect(manager.signinSilent).toHaveBeenCalledWith(
      expect.objectContaining({ login_hint: 'grace' }),
    )
    expect(harness.hint.read()).toBe('grace')
    expect(keeper.getSnapshot().startError).toBeUndefined()
  })

  it('a sign-out anywhere withdraws the offer', async () => {
    manager.autoSilent = shutOut
    const keeper = createKeeper() // signed out, open
    harness.hint.write(SUB) // the other tab signed in
    channel.deliver({ type: 'signed-in', epoch: 0, name: 'Ada Lovelace' })
    await flush()
    const epoch = new SignOutEpoch(localStorage, 'client').advance()
    harness.hint.clear()
    channel.deliver({ type: 'signed-out', epoch })
    await flush()
    expect(keeper.getSnapshot().invitation).toBeUndefined()
    await keeper.continueSession('/')
    expect(manager.signinRedirect).not.toHaveBeenCalled()
  })

  it('tells the other tabs who signed in, by sub and name, and nothing else', async () => {
    const keeper = createKeeper(true)
    manager.store(issueUser(3600, SUB, { returnTo: '/', epoch: 0 }))
    keeper.completeCallback()
    await flush()
    expect(channel.posted).toEqual([{ type: 'signed-in', epoch: 0, sub: SUB, name: undefined }])
  })
})
