import { ErrorResponse } from 'oidc-client-ts'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { SessionHint } from '../../../packages/static-signin/src/session/session-hint.ts'
import { SignOutEpoch } from '../../../packages/static-signin/src/session/sign-out-epoch.ts'
import { FakeChannel, FakeKeptManager, issueUser, SUB as ADA } from './fake-kept-manager.ts'
import { setUpKeeperHarness } from './keeper-harness.ts'

// Another tab switches from Ada to Grace while this tab's silent sign-in for Ada is still out.
// The test settles the fakes in the order it chooses: the other tab's localStorage write (the
// hint) and its BroadcastChannel message may reach this tab in either order, before or after the
// answer for Ada.

const harness = setUpKeeperHarness()
const { createKeeper, signedIn } = harness
let manager: FakeKeptManager
let channel: FakeChannel
let hint: SessionHint
const GRACE = '104927731800266411739'

beforeEach(() => {
  ;({ manager, channel, hint } = harness)
  manager.autoSilent = undefined
})

const flush = () => vi.advanceTimersByTimeAsync(0)
const epoch = () => new SignOutEpoch(localStorage, 'client').read()
/** The other tab's announcement of the person's own sign-in as Grace. */
const graceSignedIn = () => {
  channel.deliver({ type: 'signed-in', epoch: epoch(), sub: GRACE })
}
const silentHints = () =>
  manager.signinSilent.mock.calls.map((call) => (call[0] as { login_hint?: string }).login_hint)

/** This tab, reloaded while the hint named Ada: its restore for Ada is waiting for the iframe. */
async function restoringAda() {
  hint.write(ADA)
  const keeper = createKeeper()
  const restoring = keeper.restoreOnce('/')
  await flush()
  expect(silentHints()).toEqual([ADA])
  return { keeper, restoring }
}

/** Ada's late answer is dropped here: not stored, not announced, and not revoked either. */
function expectAdaForgotten(late: { access_token: string }): void {
  expect(manager.stored).not.toContain(late.access_token)
  expect(channel.posted.filter((m) => m.sub === ADA)).toEqual([])
  // At Google, revoking one of Ada's tokens would withdraw Ada's whole grant to this app.
  expect(manager.revokeToken).not.toHaveBeenCalled()
}

/**
 * The silent sign-in for Ada is out; Grace's sign-in is heard: Ada's late answer is forgotten, and
 * the tab then joins Grace.
 */
async function expectGraceInsteadOfAda(): Promise<void> {
  expect(silentHints()).toEqual([ADA])
  graceSignedIn()
  await flush()
  expect(manager.user).toBeNull() // whatever this tab held of Ada is gone at once
  const late = issueUser(3600, ADA)
  manager.answerSilent(late)
  await flush()
  expectAdaForgotten(late)
  expect(silentHints()).toEqual([ADA, GRACE])
  manager.answerSilent(issueUser(3600, GRACE))
  await flush()
  expect(manager.user?.profile.sub).toBe(GRACE)
}

describe('a restore or join for Ada still out when another tab switches to Grace', () => {
  it('the hint moved first: Ada’s answer is refused at the store, then the message joins Grace', async () => {
    const { restoring } = await restoringAda()
    hint.write(GRACE) // the other tab's write has arrived, its message has not
    const late = issueUser(3600, ADA)
    manager.answerSilent(late)
    await restoring
    expectAdaForgotten(late)
    expect(manager.user).toBeNull()

    graceSignedIn()
    await flush()
    expect(silentHints()).toEqual([ADA, GRACE])
    manager.answerSilent(issueUser(3600, GRACE))
    await flush()
    expect(manager.user?.profile.sub).toBe(GRACE)
  })

  it('the message came first, the hint not yet: the restore ends, its answer is forgotten, and the tab joins Grace', async () => {
    const { keeper, restoring } = await restoringAda()
    graceSignedIn() // the hint here still names Ada
    await flush()
    const late = issueUser(3600, ADA)
    manager.answerSilent(late)
    await restoring
    await flush()
    expectAdaForgotten(late)
    expect(hint.read()).toBe(GRACE)
    expect(silentHints()).toEqual([ADA, GRACE]) // the join, once the old attempt has settled
    manager.answerSilent(issueUser(3600, GRACE))
    await flush()
    expect(manager.user?.profile.sub).toBe(GRACE)
    expect(keeper.getSnapshot()).toMatchObject({ phase: 'idle', startError: undefined })
  })

  it('a join for Ada hears Grace: it ends, and the tab joins Grace instead', async () => {
    createKeeper()
    channel.deliver({ type: 'signed-in', epoch: epoch(), sub: ADA })
    await flush()
    await expectGraceInsteadOfAda()
  })

  it('a restore after a declined feature, for Ada, hears Grace: it ends, and the tab joins Grace', async () => {
    hint.write(ADA)
    createKeeper(true)
    const declined = new ErrorResponse({
      error: 'access_denied',
      userState: { returnTo: '/', epoch: 0, feature: 'calendar', account: ADA },
    })
    manager.callbackFailed.forEach((listener) => {
      listener(declined)
    })
    await flush()
    await expectGraceInsteadOfAda()
  })

  it('neither had arrived: Ada is restored, announced as a restore, and the message then moves this tab to Grace', async () => {
    const { restoring } = await restoringAda()
    manager.answerSilent(issueUser(3600, ADA))
    await restoring
    // Announced as a restore: the tab that chose Grace does not follow it back (next test).
    expect(channel.posted).toEqual([{ type: 'signed-in', epoch: 0, sub: ADA, isRestore: true }])
    graceSignedIn()
    await flush()
    manager.answerSilent(issueUser(3600, GRACE))
    await flush()
    expect(manager.user?.profile.sub).toBe(GRACE)
    expect(manager.revokeToken).not.toHaveBeenCalled()
  })

  it('a tab that holds Grace does not switch back for another tab’s restore of Ada', async () => {
    manager.autoSilent = () => issueUser(3600, GRACE)
    await signedIn(3600) // as Ada, then the switch to Grace this tab hears
    graceSignedIn()
    await flush()
    expect(manager.user?.profile.sub).toBe(GRACE)
    manager.removeUser.mockClear()
    channel.deliver({ type: 'signed-in', epoch: epoch(), sub: ADA, isRestore: true })
    await flush()
    expect(manager.removeUser).not.toHaveBeenCalled()
    expect(manager.user?.profile.sub).toBe(GRACE)
  })

  it('a top-level restore that comes back for Ada after the hint moved to Grace is forgotten', () => {
    hint.write(GRACE)
    const keeper = createKeeper(true)
    const restoreState = { returnTo: '/', epoch: 0, isRestoring: true, loginHint: ADA }
    const late = issueUser(3600, ADA, restoreState)
    expect(() => {
      manager.store(late)
    }).toThrow(/signed out/)
    expectAdaForgotten(late)
    expect(keeper.getSnapshot().endReason).toBeUndefined()
  })
})

describe('"Stay signed in" for Ada coming back after another tab switched to Grace', () => {
  it('is forgotten: it neither stores Ada nor moves the hint back', () => {
    hint.write(GRACE)
    const keeper = createKeeper(true)
    const stayState = { returnTo: '/', epoch: epoch(), isStayingSignedIn: true }
    const late = issueUser(3600, ADA, stayState)
    expect(() => {
      manager.store(late)
    }).toThrow(/signed out/)
    expectAdaForgotten(late)
    expect(hint.read()).toBe(GRACE)
    expect(keeper.getSnapshot().endReason).toBeUndefined()
  })
})

describe('a renewal for Ada still out when this tab follows a switch to Grace', () => {
  it('Ada’s late tokens are forgotten, not revoked; Grace’s join then stores', async () => {
    const keeper = await signedIn(3600)
    channel.posted.splice(0) // Ada's own sign-in
    void keeper.renewNow()
    await flush()
    await expectGraceInsteadOfAda()
  })

  it('after a sign-out anywhere since the switch, the late tokens are revoked after all', async () => {
    const keeper = await signedIn(3600)
    void keeper.renewNow()
    await flush()
    graceSignedIn()
    await flush()
    const signedOutAt = new SignOutEpoch(localStorage, 'client').advance()
    hint.clear()
    channel.deliver({ type: 'signed-out', epoch: signedOutAt })
    await flush()
    const late = issueUser(3600, ADA)
    manager.answerSilent(late)
    await flush()
    expect(manager.stored).not.toContain(late.access_token)
    expect(manager.revokeToken).toHaveBeenCalledWith(late.access_token, 'access_token')
  })

  it('a switch heard just before a sign-out elsewhere cannot bring the account back on the next load', async () => {
    await signedIn(3600)
    // Another tab switched to Grace; this tab starts to follow. A third tab then signs out: its
    // epoch and cleared hint land while this tab is still dropping Ada, before it writes the hint.
    channel.deliver({ type: 'signed-in', epoch: epoch(), sub: GRACE })
    new SignOutEpoch(localStorage, 'client').advance()
    hint.clear()
    await flush()
    expect(harness.hint.read()).toBeUndefined()
    expect(manager.user?.profile.sub).not.toBe(GRACE)
  })
})
