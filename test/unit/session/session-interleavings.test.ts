import { ErrorResponse, ErrorTimeout } from 'oidc-client-ts'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { AuthError } from '../../../packages/static-signin/src/oidc/auth-error.ts'
import type { SessionHint } from '../../../packages/static-signin/src/session/session-hint.ts'
import type { SessionKeeper } from '../../../packages/static-signin/src/session/session-keeper.ts'
import { SignOutEpoch } from '../../../packages/static-signin/src/session/sign-out-epoch.ts'
import { FakeChannel, FakeKeptManager, issueUser, SUB, unauthorized } from './fake-kept-manager.ts'
import { setUpKeeperHarness } from './keeper-harness.ts'

// Each test starts operations, then settles the fakes' answers in the order it chooses, so the
// interleavings that reach a real browser only by chance happen here every time.

const harness = setUpKeeperHarness()
const { createKeeper, signedIn } = harness
let manager: FakeKeptManager
let channel: FakeChannel
let hint: SessionHint

beforeEach(() => {
  ;({ manager, channel, hint } = harness)
})

/** Another tab of the same browser: its own view of the shared sign-out epoch. */
const otherTab = () => new SignOutEpoch(localStorage, 'client')

/** Another tab signs out: it advances the epoch, clears the shared hint, then tells the others. */
function otherTabSignsOut(): void {
  const epoch = otherTab().advance()
  hint.clear()
  channel.deliver({ type: 'signed-out', epoch })
}

/** Another tab signed in, now. */
const otherTabSignsIn = () => {
  channel.deliver({ type: 'signed-in', epoch: otherTab().read() })
}

const flush = () => vi.advanceTimersByTimeAsync(0)
const signedInPosts = () => channel.posted.filter((m) => m.type === 'signed-in')

/** Whatever raced it, the tab ends signed out and stays so: nothing stored, written or announced. */
async function expectStaysSignedOut(keeper: SessionKeeper, announcedBefore: number): Promise<void> {
  await vi.advanceTimersByTimeAsync(30_000)
  expect(manager.user).toBeNull()
  expect(hint.read()).toBeUndefined()
  expect(signedInPosts()).toHaveLength(announcedBefore)
  expect(keeper.getSnapshot().phase).toBe('idle')
  expect(keeper.getSnapshot().renewalError).toBeUndefined()
}

describe('scenario 1: a tab without a user obeys signed-out from another tab', () => {
  /** A restore whose answer is still on its way when another tab signs out. */
  async function restoreThenOtherTabSignsOut() {
    hint.write(SUB)
    manager.autoSilent = undefined
    const keeper = createKeeper()
    const restoring = keeper.restoreOnce('/')
    await flush()
    otherTabSignsOut()
    await flush()
    return { keeper, restoring }
  }

  it('during a restore: the restore is refused, revoked, and never announced', async () => {
    const { keeper, restoring } = await restoreThenOtherTabSignsOut()
    const late = issueUser(3600)
    manager.answerSilent(late)
    await restoring
    expect(manager.revokeToken).toHaveBeenCalledWith(late.access_token, 'access_token')
    expect(keeper.getSnapshot().endReason).toBe('signed-out-elsewhere')
    await expectStaysSignedOut(keeper, 0)
  })

  it('during a restore whose late answer fails: the failure is not shown', async () => {
    const { keeper, restoring } = await restoreThenOtherTabSignsOut()
    // The sign-out discarded the pending state, so the library cannot even match the answer.
    manager.answerSilent(new Error('No matching state found in storage'))
    await restoring
    expect(keeper.getSnapshot()).toMatchObject({
      startError: undefined,
      endReason: 'signed-out-elsewhere',
    })
    await expectStaysSignedOut(keeper, 0)
  })

  it('while joining a sign-in made in another tab', async () => {
    manager.autoSilent = undefined
    const keeper = createKeeper()
    otherTabSignsIn()
    await flush()
    expect(manager.signinSilent).toHaveBeenCalledOnce()
    otherTabSignsOut()
    await flush()
    manager.answerSilent(issueUser(3600))
    await expectStaysSignedOut(keeper, 0)
  })

  it('while its own callback is being processed', async () => {
    const keeper = createKeeper(true)
    otherTabSignsOut()
    await flush()
    expect(() => {
      manager.store(issueUser(3600)) // the library finishing the code exchange
    }).toThrow(/signed out/)
    expect(keeper.getSnapshot()).toMatchObject({ phase: 'idle', endReason: 'signed-out-elsewhere' })
    await expectStaysSignedOut(keeper, 0)
  })
})

describe('scenario 2: sign-out while a renewal is on its way', () => {
  it.each(['Renew now', 'the timer', 'the userinfo-401 recovery'] as const)(
    'a renewal started by %s and finished after Sign out is discarded and revoked',
    async (starter) => {
      const keeper = await signedIn(20)
      manager.autoSilent = undefined
      if (starter === 'Renew now') void keeper.renewNow()
      if (starter === 'the timer') await vi.advanceTimersByTimeAsync(10_000)
      if (starter === 'the userinfo-401 recovery') {
        manager.autoProfile = () => unauthorized()
        void keeper.reloadProfile()
      }
      await flush()
      expect(manager.signinSilent).toHaveBeenCalledOnce()
      await keeper.signOut()
      const late = issueUser(3600)
      manager.answerSilent(late)
      await flush()
      expect(manager.revokeToken).toHaveBeenCalledWith(late.access_token, 'access_token')
      expect(keeper.getSnapshot().signOutResult).toEqual({ isRevoked: true })
      expect(keeper.getSnapshot().endReason).toBeUndefined()
      await expectStaysSignedOut(keeper, 1)
    },
  )
})

describe('scenario 3: reloadProfile never writes back a stale user', () => {
  it('after a sign-out, the revoked session does not come back', async () => {
    const keeper = await signedIn()
    manager.autoProfile = undefined
    const reloading = keeper.reloadProfile()
    await flush()
    await keeper.signOut()
    manager.answerProfile({ name: 'Stale' })
    await reloading
    expect(manager.replaceProfile).not.toHaveBeenCalled()
    await expectStaysSignedOut(keeper, 1)
  })

  it('after a renewal, the renewed tokens stay', async () => {
    const keeper = await signedIn()
    manager.autoProfile = undefined
    const reloading = keeper.reloadProfile()
    await flush()
    await keeper.renewNow()
    const renewed = manager.user?.access_token
    manager.answerProfile({ name: 'Stale' })
    await reloading
    expect(manager.replaceProfile).not.toHaveBeenCalled()
    expect(manager.user?.access_token).toBe(renewed)
  })
})

describe('scenario 4: renewals never overlap', () => {
  it('Renew now three times and the timer share one silent sign-in, labelled by who started it', async () => {
    const keeper = await signedIn(20)
    manager.autoSilent = undefined
    await vi.advanceTimersByTimeAsync(10_000)
    void keeper.renewNow()
    void keeper.renewNow()
    void keeper.renewNow()
    await flush()
    expect(manager.signinSilent).toHaveBeenCalledOnce()
    manager.answerSilent(issueUser(20))
    await flush()
    expect(manager.maxConcurrentSilent).toBe(1)
    expect(keeper.getSnapshot()).toMatchObject({ phase: 'idle', lastTokens: { source: 'iframe' } })
  })

  it('a retry ladder of replaced tokens stops: no "failed" over a fresh token', async () => {
    const keeper = await signedIn(20)
    manager.autoSilent = undefined
    await vi.advanceTimersByTimeAsync(10_000)
    manager.answerSilent(new ErrorResponse({ error: 'login_required' })) // attempt 1 fails
    await flush()
    manager.autoSilent = () => issueUser(3600)
    await keeper.renewNow() // fresh tokens meanwhile
    await vi.advanceTimersByTimeAsync(15_000)
    expect(manager.signinSilent).toHaveBeenCalledTimes(2)
    expect(keeper.getSnapshot().phase).toBe('idle')
  })
})

it('scenario 5: renewal sends this tab’s own account as login_hint, not the shared hint', async () => {
  const keeper = await signedIn(20)
  hint.write('another-account-of-another-tab')
  await keeper.renewNow()
  await vi.advanceTimersByTimeAsync(10_000)
  for (const [args] of manager.signinSilent.mock.calls) {
    expect(args).toMatchObject({ login_hint: SUB })
  }
  expect(manager.signinSilent).toHaveBeenCalledTimes(2)
})

describe('scenario 6: restore and join say why they failed, unless the provider session ended', () => {
  it.each<[string, Error, 'shown' | 'leaves']>([
    ['a rejected ID token', new AuthError('id_token_invalid', 'no'), 'shown'],
    ['a userinfo sub mismatch', new AuthError('userinfo_subject_mismatch', 'no'), 'shown'],
    ['a wrong issuer', new AuthError('issuer_mismatch', 'no'), 'shown'],
    ['a code exchange that timed out', new ErrorTimeout('Network timed out'), 'shown'],
    ['a network error', new TypeError('Failed to fetch'), 'shown'],
    // What withheld cookies look like: only a top-level round trip can tell them from an ended session.
    ['login_required', new ErrorResponse({ error: 'login_required' }), 'leaves'],
    ['interaction_required', new ErrorResponse({ error: 'interaction_required' }), 'leaves'],
    [
      'an iframe that never answers (framing refused)',
      new ErrorTimeout('IFrame timed out without a response'),
      'leaves',
    ],
  ])('restore failing with %s', async (_, error, outcome) => {
    hint.write(SUB)
    manager.autoSilent = () => error
    const keeper = createKeeper()
    await keeper.restoreOnce('/')
    expect(keeper.getSnapshot().startError).toBe(outcome === 'shown' ? error : undefined)
    expect(manager.signinRedirect).toHaveBeenCalledTimes(outcome === 'leaves' ? 1 : 0)
    expect(hint.read()).toBe(SUB)
  })

  it('a join failing with a rejected ID token', async () => {
    const error = new AuthError('id_token_invalid', 'no')
    manager.autoSilent = () => error
    const keeper = createKeeper()
    otherTabSignsIn()
    await flush()
    expect(keeper.getSnapshot().startError).toBe(error)
  })
})

describe('scenario 7: reloadProfile names the right cause', () => {
  it('a failure other than 401 is a profile problem, not a renewal problem', async () => {
    const keeper = await signedIn()
    const error = new AuthError('userinfo_failed', 'no')
    manager.autoProfile = () => error
    await keeper.reloadProfile()
    expect(keeper.getSnapshot()).toMatchObject({ profileError: error, renewalError: undefined })
    expect(manager.signinSilent).not.toHaveBeenCalled()
  })

  it('after a 401 and a good renewal, a timeout on the retry keeps the fresh session', async () => {
    const keeper = await signedIn()
    const answers: (Record<string, unknown> | Error)[] = [
      unauthorized(),
      new AuthError('timeout', 'slow'),
    ]
    manager.autoProfile = () => answers.shift() ?? {}
    await keeper.reloadProfile()
    expect(keeper.getSnapshot().endReason).toBeUndefined()
    expect(keeper.getSnapshot().profileError).toMatchObject({ code: 'timeout' })
    expect(manager.user).not.toBeNull()
  })

  it('signing out during the recovery shows the sign-out, not "unauthorized"', async () => {
    const keeper = await signedIn()
    manager.autoProfile = () => unauthorized()
    manager.autoSilent = undefined
    const reloading = keeper.reloadProfile()
    await flush()
    await keeper.signOut()
    manager.answerSilent(new ErrorResponse({ error: 'login_required' }))
    await reloading
    expect(keeper.getSnapshot()).toMatchObject({
      endReason: undefined,
      signOutResult: { isRevoked: true },
    })
  })
})

describe('scenario 8: the wall clock, not two long timers', () => {
  it('after the device slept past expiry, the tokens go at once and new ones come silently', async () => {
    const keeper = await signedIn(3600)
    const old = manager.user?.access_token
    manager.autoSilent = undefined
    vi.setSystemTime(Date.now() + 2 * 3600_000) // asleep: no timer ran, no visibilitychange
    await vi.advanceTimersByTimeAsync(1_000)
    expect(manager.user).toBeNull() // dropped before anything is asked
    expect(manager.fetchDisplayClaims).not.toHaveBeenCalled()
    expect(keeper.getSnapshot().phase).toBe('restoring')
    expect(manager.signinSilent).toHaveBeenCalledWith({
      login_hint: SUB,
      silentRequestTimeoutInSeconds: 5,
    })
    manager.answerSilent(issueUser(3600))
    await flush()
    expect(manager.user?.access_token).not.toBe(old)
    expect(keeper.getSnapshot()).toMatchObject({ phase: 'idle', endReason: undefined })
  })

  it('after the device slept past expiry, a provider that says "sign in again" ends the session as expired, with a click to continue and no navigation', async () => {
    const keeper = await signedIn(3600)
    manager.autoSilent = () => new ErrorResponse({ error: 'login_required' })
    vi.setSystemTime(Date.now() + 2 * 3600_000)
    await vi.advanceTimersByTimeAsync(1_000)
    expect(manager.user).toBeNull()
    expect(keeper.getSnapshot()).toMatchObject({
      phase: 'idle',
      endReason: 'expired',
      invitation: { name: undefined, learnsTopLevel: true },
    })
    // The tab may hold the person's work: it never leaves on its own.
    expect(manager.signinRedirect).not.toHaveBeenCalled()
    expect(hint.read()).toBe(SUB)
  })

  it('visibilitychange does not push renewal later', async () => {
    await signedIn(20)
    for (let second = 0; second < 9; second += 1) {
      await vi.advanceTimersByTimeAsync(1_000)
      document.dispatchEvent(new Event('visibilitychange'))
    }
    await vi.advanceTimersByTimeAsync(1_000)
    expect(manager.signinSilent).toHaveBeenCalledWith({
      login_hint: SUB,
      silentRequestTimeoutInSeconds: 1,
    })
  })

  it('reloadProfile never sends an expired token', async () => {
    const keeper = createKeeper(true)
    manager.store(issueUser(20))
    keeper.completeCallback()
    harness.stopKeeper() // no ticks: only reloadProfile can notice
    vi.setSystemTime(Date.now() + 60_000)
    await keeper.reloadProfile()
    expect(manager.fetchDisplayClaims).not.toHaveBeenCalled()
    expect(keeper.getSnapshot().endReason).toBe('expired')
  })
})

it('scenario 9: after a failed callback the tab joins a sign-in made in another tab', async () => {
  const keeper = createKeeper(true)
  manager.callbackFailed.forEach((listener) => {
    listener(new Error('callback failed'))
  })
  expect(keeper.getSnapshot().phase).toBe('idle')
  otherTabSignsIn()
  await flush()
  expect(manager.signinSilent).toHaveBeenCalledOnce()
  expect(manager.user).not.toBeNull()
})

it('"Stay signed in" is one redirect at a time, and a failure becomes state, not a rejection', async () => {
  const keeper = await signedIn()
  const failure = new TypeError('Failed to fetch')
  manager.signinRedirect.mockRejectedValueOnce(failure)
  const first = keeper.stayLoggedIn('/account')
  expect(keeper.getSnapshot().isStaying).toBe(true)
  await keeper.stayLoggedIn('/account')
  await expect(first).resolves.toBeUndefined()
  expect(manager.signinRedirect).toHaveBeenCalledOnce()
  expect(keeper.getSnapshot()).toMatchObject({
    isStaying: false,
    phase: 'failed',
    renewalError: failure,
  })
})

const OPERATIONS = [
  'sign-out',
  'timer renewal',
  'Renew now',
  '401 recovery',
  'restore',
  'join',
  'reloadProfile',
  'another tab signs out',
] as const
type Operation = (typeof OPERATIONS)[number]
type Answer = 'new tokens' | 'the same token'

/** Every unordered pair, started in both orders, answered in both orders, with both kinds of tokens. */
const PAIRS = OPERATIONS.flatMap((a, i) =>
  OPERATIONS.slice(i + 1).flatMap((b) =>
    [
      [a, b],
      [b, a],
    ].flatMap(([first = a, second = b]) =>
      (['first answered first', 'last answered first'] as const).flatMap((order) =>
        (['new tokens', 'the same token'] as const).map(
          (answer: Answer) => [first, second, order, answer] as const,
        ),
      ),
    ),
  ),
)
const isSignOut = (operation: Operation) =>
  operation === 'sign-out' || operation === 'another tab signs out'
const startsSession = (operation: Operation) => operation === 'restore' || operation === 'join'
const needsSession = (operation: Operation) => !isSignOut(operation) && !startsSession(operation)
const isRenewal = (operation: Operation) =>
  operation === 'timer renewal' || operation === 'Renew now' || operation === '401 recovery'

/** What an operation leaves in the fakes once it really ran: the calls only it makes. */
function countEvidence(operation: Operation): number {
  if (operation === '401 recovery') return manager.fetchDisplayClaims.mock.calls.length
  if (isRenewal(operation)) return manager.silentLog.filter((call) => call.isRenewal).length
  if (startsSession(operation)) return manager.silentLog.filter((call) => !call.isRenewal).length
  if (operation === 'reloadProfile') return manager.fetchDisplayClaims.mock.calls.length
  if (operation === 'sign-out') return manager.discardPendingSignins.mock.calls.length
  return 1 // another tab's message: delivered by the test itself
}

describe('every pair of operations, started together and answered in either order', () => {
  it.each(PAIRS)('%s, then %s (%s, %s)', async (first, second, order, answer) => {
    const pair: Operation[] = [first, second]
    // Another tab signing in after the sign-out is a new session, which this tab rightly joins.
    const endsSignedOut = pair.some(isSignOut) && !(isSignOut(first) && second === 'join')
    // Where one operation starts the session, the other starts the moment its tokens are stored,
    // while the rest of its work (the profile, the phase) is still under way.
    const isSessionStarted = pair.some(startsSession)
    manager.autoSilent = undefined
    manager.autoProfile = undefined
    let keeper: SessionKeeper
    if (pair.includes('restore')) {
      hint.write(SUB)
      keeper = createKeeper()
    } else if (pair.includes('join')) {
      keeper = createKeeper()
    } else {
      keeper = await signedIn(20)
    }
    let announcedAtSignOut: number | undefined
    const start = async (operation: Operation) => {
      if (isSessionStarted && needsSession(operation)) {
        await manager.firstStore.promise
        // Past the silent sign-in that stored them, which a renewal would otherwise join.
        for (let tick = 0; tick < 10; tick += 1) await Promise.resolve()
      }
      switch (operation) {
        case 'sign-out':
          announcedAtSignOut ??= signedInPosts().length
          await keeper.signOut()
          return
        case 'another tab signs out':
          announcedAtSignOut ??= signedInPosts().length
          otherTabSignsOut()
          return
        case 'timer renewal':
          await vi.advanceTimersByTimeAsync(10_000)
          return
        case 'Renew now':
          await keeper.renewNow()
          return
        case '401 recovery':
        case 'reloadProfile':
          await keeper.reloadProfile()
          return
        case 'restore':
          await keeper.restoreOnce('/')
          return
        case 'join':
          otherTabSignsIn()
          return
      }
    }
    // The first really starts first: it has made its call before the second begins.
    const running = [start(first)]
    if (first === 'timer renewal' && !isSessionStarted) await running[0]
    await flush()
    running.push(start(second))
    await flush()
    await flush()
    // Settle every waiting call, in the chosen order, until nothing waits (bounded).
    let lastToken: string | undefined
    let profileAnswers = 0
    const settle = async () => {
      for (let round = 0; round < 20; round += 1) {
        const isNewestFirst = order === 'last answered first'
        if (manager.silentCalls.length > 0) {
          const call = isNewestFirst ? manager.silentCalls.pop() : manager.silentCalls.shift()
          const tokens = answer === 'the same token' && lastToken ? { access_token: lastToken } : {}
          // A session's first tokens are short, so the timer has something to renew.
          const user = issueUser(manager.user ? 3600 : 20, SUB, undefined, tokens)
          lastToken = user.access_token
          call?.resolve(user)
        } else if (manager.profileCalls.length > 0) {
          const call = isNewestFirst ? manager.profileCalls.pop() : manager.profileCalls.shift()
          profileAnswers += 1
          // The 401 path: the first userinfo answer says "unauthorized".
          const is401 = pair.includes('401 recovery') && profileAnswers === 1
          call?.resolve(is401 ? unauthorized() : { name: 'A' })
        } else {
          return
        }
        await flush()
      }
    }
    await settle()
    await Promise.all(running)
    await settle() // what the operations asked for once they had finished starting
    await vi.advanceTimersByTimeAsync(5_000)
    await settle()

    expect(manager.maxConcurrentSilent).toBeLessThanOrEqual(1)
    expect(keeper.getSnapshot().phase).not.toBe('failed')
    expect(keeper.getSnapshot().renewalError).toBeUndefined()
    // Both operations really ran: each left what only it leaves, unless a sign-out came first.
    for (const operation of pair) {
      const cameAfterSignOut =
        isSignOut(first) && operation === second && !isSignOut(operation) && operation !== 'join'
      if (cameAfterSignOut) expect(countEvidence(operation), operation).toBe(0)
      else expect(countEvidence(operation), operation).toBeGreaterThan(0)
    }
    // Without a sign-out, the 401 path met its renewal, whatever else was renewing.
    if (pair.includes('401 recovery') && !pair.some(isSignOut)) {
      expect(manager.silentLog.filter((call) => call.isRenewal).length).toBeGreaterThan(0)
    }
    if (endsSignedOut) {
      expect(manager.user).toBeNull()
      expect(hint.read()).toBeUndefined()
      expect(signedInPosts()).toHaveLength(announcedAtSignOut ?? 0)
    } else {
      expect(manager.user).not.toBeNull()
      expect(keeper.getSnapshot().endReason).toBeUndefined()
      expect(keeper.getSnapshot().phase).toBe('idle')
    }
  })
})
