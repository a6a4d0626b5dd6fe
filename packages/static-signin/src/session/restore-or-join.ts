import type { Generation } from './generation.ts'
import type { RestorePath } from './restore-path.ts'
import type { SessionHint } from './session-hint.ts'
import type { SessionSnapshot } from './session-snapshot.ts'
import { isSuperseded } from './superseded.ts'
import { isIframeShutOut, isIframeTimeout } from './top-level-restore.ts'

/** What starting a session silently needs from the session's owner. */
export interface StartHost {
  hint: Pick<SessionHint, 'read' | 'clear'>
  readGeneration(): Generation
  isLive(generation: Generation): boolean
  /** The browser thinks it has a network (navigator.onLine). */
  isOnline(): boolean
  /** The path this browser has shown to work (restore-path.ts), now. */
  readRestorePath(): RestorePath
  /**
   * This page load may leave for the provider on its own: it was not opened with an authorization
   * response, this tab has not just left to restore (top-level-restore.ts), and it is online.
   */
  mayLeave(): boolean
  /** The one silent sign-in, time-boxed for start-up, with this `login_hint`. */
  signInSilently(source: 'restore' | 'other-tab', loginHint: string | undefined): Promise<void>
  /** The iframe restored: this browser sends the provider's cookies to it. */
  learnIframe(): void
  /**
   * Leaves for the provider at top level, `prompt=none`, for the hint's account; resolves as the
   * page navigates away. `learnsTopLevel`: the iframe failed on this load.
   */
  leaveToRestore(generation: Generation, loginHint: string, learnsTopLevel: boolean): Promise<void>
  update(generation: Generation, changes: Partial<SessionSnapshot>): void
}

/** How a start ended: signed in, nothing to do, or the page is on its way to the provider. */
export type StartOutcome = 'done' | 'leaving'

/**
 * Restores this browser's session on reload (`restore`), gets new tokens for a tab whose tokens
 * expired while the device slept (`resume`), or joins another tab's sign-in, without a click:
 * - through the hidden iframe, unless this browser has shown that it withholds the provider's
 *   cookies from it (restore-path.ts);
 * - else, on a page load, with one top-level `prompt=none` round trip (top-level-restore.ts), at
 *   most one per load and never from a page opened with an answer;
 * - a tab that is already open never navigates on its own (it may hold the person's work): it
 *   offers "Continue as <name>" instead (`invitation`).
 * Quiet when the provider only says the person has to act and nothing else can be tried: the
 * signed-out view suffices, and the hint goes. Any other failure becomes `startError`.
 */
export async function restoreOrJoin(
  host: StartHost,
  source: 'restore' | 'resume' | 'other-tab',
  name?: string,
): Promise<StartOutcome> {
  const generation = host.readGeneration()
  const hint = host.hint.read()
  // Signed out since the page decided to restore (the sign-out cleared the hint): nothing to do.
  if (source !== 'other-tab' && hint === undefined) return 'done'
  const canLeave = source === 'restore' && hint !== undefined && host.mayLeave()
  if (host.readRestorePath() === 'top-level') {
    if (canLeave) return leave(host, generation, hint, false)
    host.update(generation, { invitation: { name, learnsTopLevel: false } })
    return 'done'
  }
  try {
    await host.signInSilently(source === 'other-tab' ? source : 'restore', hint)
    host.learnIframe()
    return 'done'
  } catch (error: unknown) {
    // Signed out meanwhile: whatever went wrong (its pending state is gone, too) no longer matters.
    if (!host.isLive(generation) || isSuperseded(error)) return 'done'
    // Offline, the provider was never asked: again once the network is back (session-keeper.ts).
    if (!host.isOnline()) {
      host.update(generation, { endReason: 'offline' })
      return 'done'
    }
    if (isIframeShutOut(error)) {
      const learns = !isIframeTimeout(error)
      if (canLeave) return leave(host, generation, hint, learns)
      // Another tab is signed in, or this one just came back from trying: one click will do.
      host.update(generation, { invitation: { name, learnsTopLevel: learns } })
      return 'done'
    }
    host.update(generation, { startError: error })
    return 'done'
  }
}

async function leave(
  host: StartHost,
  generation: Generation,
  loginHint: string,
  learnsTopLevel: boolean,
): Promise<StartOutcome> {
  try {
    await host.leaveToRestore(generation, loginHint, learnsTopLevel)
    return 'leaving'
  } catch (error: unknown) {
    host.update(generation, { startError: error })
    return 'done'
  }
}
