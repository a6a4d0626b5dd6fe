import { isInteractionNeeded } from '../oidc/is-interaction-needed.ts'
import type { Generation } from './generation.ts'
import type { SessionHint } from './session-hint.ts'
import type { SessionSnapshot } from './session-snapshot.ts'
import { isSuperseded } from './superseded.ts'

/** What starting a session silently needs from the session's owner. */
export interface StartHost {
  hint: Pick<SessionHint, 'read' | 'clear'>
  readGeneration(): Generation
  isLive(generation: Generation): boolean
  /** The one silent sign-in, time-boxed for start-up, with this `login_hint`. */
  signInSilently(source: 'restore' | 'other-tab', loginHint: string | undefined): Promise<void>
  update(generation: Generation, changes: Partial<SessionSnapshot>): void
}

/**
 * Restores this browser's session on reload, or joins another tab's sign-in, with one silent
 * sign-in. Quiet when the provider only says the person has to act (no session there, or its
 * cookies withheld): the signed-out view suffices. Any other failure becomes `startError`.
 */
export async function restoreOrJoin(
  host: StartHost,
  source: 'restore' | 'other-tab',
): Promise<void> {
  const generation = host.readGeneration()
  const hint = host.hint.read()
  // Signed out since the page decided to restore (the sign-out cleared the hint): nothing to do.
  if (source === 'restore' && hint === undefined) return
  try {
    await host.signInSilently(source, hint)
  } catch (error: unknown) {
    // Signed out meanwhile: whatever went wrong (its pending state is gone, too) no longer matters.
    if (!host.isLive(generation) || isSuperseded(error)) return
    if (isInteractionNeeded(error)) {
      host.hint.clear() // the ordinary signed-out view; no more attempts on reload
      return
    }
    host.update(generation, { startError: error })
  }
}
