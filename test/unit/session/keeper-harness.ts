import { afterEach, beforeEach, vi } from 'vitest'
import { SessionHint } from '../../../packages/static-signin/src/session/session-hint.ts'
import type { EarlyRestore } from '../../../packages/static-signin/src/session/early-restore.ts'
import { SessionKeeper } from '../../../packages/static-signin/src/session/session-keeper.ts'
import { SignOutEpoch } from '../../../packages/static-signin/src/session/sign-out-epoch.ts'
import { RestorePathMemory } from '../../../packages/static-signin/src/session/restore-path.ts'
import { LeaveMark } from '../../../packages/static-signin/src/session/top-level-restore.ts'
import { FakeChannel, FakeKeptManager, issueUser, SUB } from './fake-kept-manager.ts'

export interface KeeperHarness {
  manager: FakeKeptManager
  channel: FakeChannel
  hint: SessionHint
  /** The sign-out epoch, as every tab of the browser shares it. */
  epochs: SignOutEpoch
  /** What this browser has shown about the iframe (shared by every tab). */
  restorePaths: RestorePathMemory
  /** This tab's mark of a top-level restore that has not come back. */
  leaveMark: LeaveMark
  /** The next keeper's page was opened with an authorization response (false by default). */
  wasOpenedWithResponse: boolean
  /** The next keeper's early restore (session/early-restore.ts), if any. */
  earlyRestore: EarlyRestore | undefined
  /** A started keeper; a callback page when `isCallback`. */
  createKeeper: (isCallback?: boolean) => SessionKeeper
  /**
   * A keeper whose tab has just signed in through a callback, as in the app, and whose profile
   * userinfo has confirmed since (the manager's call counts start from there).
   */
  signedIn: (lifetimeSeconds?: number) => Promise<SessionKeeper>
  /** Stops the keeper made last: no more ticks, messages or events. */
  stopKeeper: () => void
}

/**
 * Fake timers (the clock included), a fake manager and fake other tabs, fresh for every test of
 * the calling file; the keeper made by a test is stopped after it.
 */
export function setUpKeeperHarness(): KeeperHarness {
  let stop: (() => void) | undefined
  const harness: KeeperHarness = {
    manager: new FakeKeptManager(),
    channel: new FakeChannel(),
    hint: new SessionHint(localStorage, 'client', new SignOutEpoch(localStorage, 'client')),
    epochs: new SignOutEpoch(localStorage, 'client'),
    restorePaths: new RestorePathMemory(localStorage, 'client'),
    leaveMark: new LeaveMark(sessionStorage, 'client'),
    wasOpenedWithResponse: false,
    earlyRestore: undefined,
    createKeeper: (isCallback = false) => {
      const keeper = new SessionKeeper(harness.manager, {
        hint: harness.hint,
        channel: harness.channel,
        epochs: harness.epochs,
        isCallback,
        restorePaths: harness.restorePaths,
        leaveMark: harness.leaveMark,
        wasOpenedWithResponse: harness.wasOpenedWithResponse,
        silentTimeoutSeconds: 5,
        ...(harness.earlyRestore ? { earlyRestore: harness.earlyRestore } : {}),
      })
      stop = keeper.start()
      return keeper
    },
    stopKeeper: () => {
      stop?.()
      stop = undefined
    },
    signedIn: async (lifetimeSeconds = 3600) => {
      const keeper = harness.createKeeper(true)
      harness.manager.store(issueUser(lifetimeSeconds, SUB, keeper.describeSignInState('/')))
      keeper.completeCallback()
      await vi.advanceTimersByTimeAsync(0) // the profile's confirmation, answered at once
      harness.manager.fetchDisplayClaims.mockClear()
      harness.manager.replaceProfile.mockClear()
      return keeper
    },
  }
  beforeEach(() => {
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
    })
    vi.setSystemTime(new Date('2026-11-26T12:00:00Z')) // a whole second, like expires_at
    harness.manager = new FakeKeptManager()
    harness.channel = new FakeChannel()
    harness.epochs = new SignOutEpoch(localStorage, 'client')
    harness.hint = new SessionHint(localStorage, 'client', harness.epochs)
    harness.wasOpenedWithResponse = false
    harness.earlyRestore = undefined
  })
  afterEach(() => {
    harness.stopKeeper()
    vi.useRealTimers()
  })
  return harness
}
