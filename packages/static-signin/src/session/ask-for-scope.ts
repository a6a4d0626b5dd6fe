import { AuthError } from '../oidc/auth-error.ts'
import type { Generation } from './generation.ts'
import type { KeptManager } from './kept-manager.ts'

/**
 * A feature of the app that can ask for a scope and be opened again after the round trip: a short
 * name the app chooses ("calendar"), lower-case letters, digits and dashes.
 */
export type FeatureName = string

/** Whether `value` is a feature name (it comes back from the request's stored state). */
export function isFeatureName(value: unknown): value is FeatureName {
  return typeof value === 'string' && /^[a-z][a-z0-9-]{0,39}$/.test(value)
}

/** What asking for more access needs from the session's owner. */
export interface AskHost {
  manager: Pick<KeptManager, 'getUser' | 'signinRedirect'>
  readGeneration(): Generation
}

export interface ScopeRequest {
  /** The whole scope to ask for: the sign-in scopes plus the feature's (granted-scopes.ts addScope). */
  scope: string
  /** Where to come back to (already checked by readReturnTo). */
  returnTo: string
  /** The feature to open on return. */
  feature: FeatureName
}

/**
 * Incremental authorization: sends the person to the provider, top level, for `scope`, as the
 * account this tab holds (`login_hint` = its `sub`). It is an ordinary sign-in request made by the
 * same SecureUserManager — PKCE, state, nonce and every check on the answer — and, like every
 * request of this app, carries `include_granted_scopes=true` (create-user-manager.ts), so the new
 * token covers what was granted before. The state carries where to return, the epoch (a sign-out
 * meanwhile refuses the answer), the feature to open, and the account it was asked for.
 * @throws AuthError `no_session` when this tab holds no tokens.
 */
export async function askForScope(host: AskHost, request: ScopeRequest): Promise<void> {
  const generation = host.readGeneration()
  const user = await host.manager.getUser()
  if (!isFeatureName(request.feature)) {
    throw new TypeError(
      `askForScope: "${String(request.feature)}" is not a feature name (a-z, 0-9, -).`,
    )
  }
  if (!user) throw new AuthError('no_session', 'Sign in first, then try again.')
  await host.manager.signinRedirect({
    scope: request.scope,
    login_hint: user.profile.sub,
    state: {
      returnTo: request.returnTo,
      epoch: generation.epoch,
      feature: request.feature,
      account: user.profile.sub,
    },
  })
}

/**
 * The feature a callback asked to open, when its answer is for the account it was asked for. The
 * person may pick another account on the provider's screen: that is an account switch (the new
 * account replaces the old everywhere, see account-switch.ts), and the new account never has a
 * feature opened for it that it did not ask for.
 */
export function readReopenedFeature(state: unknown, sub: string): FeatureName | undefined {
  if (typeof state !== 'object' || state === null) return undefined
  const { feature, account } = state as { feature?: unknown; account?: unknown }
  return isFeatureName(feature) && account === sub ? feature : undefined
}
