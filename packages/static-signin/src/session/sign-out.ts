import type { User } from 'oidc-client-ts'
import { toError } from '../oidc/auth-error.ts'
import type { SecureUserManager } from '../oidc/secure-user-manager.ts'

/**
 * Revokes every token of `user` without waiting or failing: tokens that must not live on (a
 * refused result, a rejected session). The refresh token first: revoking it ends the grant at most
 * providers.
 */
export function revokeQuietly(manager: Pick<SignOutManager, 'revokeToken'>, user: User): void {
  if (user.refresh_token) {
    manager.revokeToken(user.refresh_token, 'refresh_token').catch(() => undefined)
  }
  manager.revokeToken(user.access_token, 'access_token').catch(() => undefined)
}

/** What signing out needs from the manager. */
export type SignOutManager = Pick<SecureUserManager, 'getUser' | 'removeUser' | 'revokeToken'>

export type SignOutResult = { isRevoked: true } | { isRevoked: false; reason: Error }

/**
 * Signs out locally first — the tokens are forgotten before any network call — then revokes the
 * access token at the provider (RFC 7009). Google has no end-session endpoint, so this is all a
 * browser-only app can do: the person stays signed in to Google itself.
 */
export async function signOut(manager: SignOutManager): Promise<SignOutResult> {
  const user = await manager.getUser()
  await manager.removeUser()
  try {
    // The refresh token first: revoking it ends the grant at most providers.
    if (user?.refresh_token) await manager.revokeToken(user.refresh_token, 'refresh_token')
    if (user?.access_token) await manager.revokeToken(user.access_token, 'access_token')
    return { isRevoked: true }
  } catch (error: unknown) {
    return { isRevoked: false, reason: toError(error) }
  }
}
