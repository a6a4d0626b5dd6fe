import type { User } from 'oidc-client-ts'
import { readErrorCode } from '../oidc/auth-error.ts'
import type { KeptManager } from './kept-manager.ts'
import type { EndReason, SessionSnapshot } from './session-snapshot.ts'

/** What reloading the profile needs from the session's owner. */
export interface ProfileReloadHost {
  manager: Pick<KeptManager, 'getUser' | 'fetchDisplayClaims' | 'replaceProfile'>
  /** The session's generation now; an answer for an older one is dropped. */
  readGeneration(): number
  hasUser(): boolean
  /** One silent renewal of this tab's own session; the default time box when none is given. */
  renew(user: User, timeoutSeconds?: number): Promise<void>
  end(reason: EndReason): Promise<void>
  /** Ends the session because its answers contradict each other; `error` is shown as the alert. */
  reject(error: unknown): Promise<void>
  update(changes: Partial<SessionSnapshot>): void
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
  const isCurrent = () => generation === host.readGeneration()
  try {
    await loadProfileOnce(host, generation)
    return
  } catch (error: unknown) {
    if (!isCurrent()) return
    if (isOtherAccount(error)) {
      await host.reject(error)
      return
    }
    if (!isUnauthorized(error)) {
      host.update({ profileError: error })
      return
    }
  }
  try {
    const user = await host.manager.getUser()
    if (!user || !isCurrent()) return
    await host.renew(user)
  } catch {
    if (isCurrent()) await host.end('unauthorized')
    return
  }
  try {
    await loadProfileOnce(host, generation)
  } catch (error: unknown) {
    if (!isCurrent()) return
    if (isOtherAccount(error)) await host.reject(error)
    else if (isUnauthorized(error)) await host.end('unauthorized')
    else host.update({ profileError: error })
  }
}

async function loadProfileOnce(host: ProfileReloadHost, generation: number): Promise<void> {
  const { manager } = host
  const user = host.hasUser() ? await manager.getUser() : null
  if (!user || generation !== host.readGeneration()) return
  if (user.expired) {
    await host.end('expired') // never send an expired token
    return
  }
  const claims = await manager.fetchDisplayClaims(user)
  const current = await manager.getUser()
  // Signed out, or renewed, meanwhile: this answer belongs to tokens that are gone.
  if (generation !== host.readGeneration() || current?.access_token !== user.access_token) return
  await manager.replaceProfile(current, claims)
  host.update({ profileError: undefined })
}
