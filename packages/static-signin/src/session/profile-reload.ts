import type { User } from 'oidc-client-ts'
import { readErrorCode } from '../oidc/auth-error.ts'
import type { Generation } from './generation.ts'
import type { KeptManager } from './kept-manager.ts'
import type { EndReason, SessionSnapshot } from './session-snapshot.ts'

/** What reloading the profile needs from the session's owner. */
export interface ProfileReloadHost {
  manager: Pick<KeptManager, 'getUser' | 'fetchDisplayClaims' | 'replaceProfile'>
  /** The session's generation now; an answer for an older one is dropped. */
  readGeneration(): Generation
  isLive(generation: Generation): boolean
  hasUser(): boolean
  /** One silent renewal of this tab's own session; the default time box when none is given. */
  renew(user: User, timeoutSeconds?: number): Promise<void>
  end(generation: Generation, reason: EndReason): Promise<void>
  /** Ends the session because its answers contradict each other; `error` is shown as the alert. */
  reject(generation: Generation, error: unknown): Promise<void>
  update(generation: Generation, changes: Partial<SessionSnapshot>): void
}

const isUnauthorized = (error: unknown) => readErrorCode(error) === 'userinfo_unauthorized'
const isOtherAccount = (error: unknown) => readErrorCode(error) === 'userinfo_subject_mismatch'

/**
 * Loads the profile (again) with the current access token: after every new session, off the
 * critical path (the page shows the validated ID token's claims until then), and on "Reload
 * profile". A 401 (revoked or expired at the provider) gets one silent renewal and one retry; only
 * a second 401 ends the session. Userinfo for another account ends it at once, as an alert: nothing
 * from that answer is shown. Any other failure leaves the ID token's claims shown, with a hint.
 * Nothing is written unless the session is still the one the request started with.
 */
export async function reloadProfile(host: ProfileReloadHost): Promise<void> {
  const generation = host.readGeneration()
  try {
    await loadProfileOnce(host, generation)
    return
  } catch (error: unknown) {
    if (isOtherAccount(error)) {
      await host.reject(generation, error)
      return
    }
    if (!isUnauthorized(error)) {
      host.update(generation, { profileError: error })
      return
    }
  }
  try {
    const user = await host.manager.getUser()
    if (!user || !host.isLive(generation)) return
    await host.renew(user)
  } catch {
    await host.end(generation, 'unauthorized')
    return
  }
  try {
    await loadProfileOnce(host, generation)
  } catch (error: unknown) {
    if (isOtherAccount(error)) await host.reject(generation, error)
    else if (isUnauthorized(error)) await host.end(generation, 'unauthorized')
    else host.update(generation, { profileError: error })
  }
}

async function loadProfileOnce(host: ProfileReloadHost, generation: Generation): Promise<void> {
  const { manager } = host
  const user = host.hasUser() ? await manager.getUser() : null
  if (!user || !host.isLive(generation)) return
  if (user.expired) {
    await host.end(generation, 'expired') // never send an expired token
    return
  }
  const claims = await manager.fetchDisplayClaims(user)
  const current = await manager.getUser()
  // Signed out, or renewed, meanwhile: this answer belongs to tokens that are gone.
  if (!host.isLive(generation) || current?.access_token !== user.access_token) return
  await manager.replaceProfile(current, claims)
  host.update(generation, { profileError: undefined })
}
