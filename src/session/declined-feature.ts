import type { FeatureName } from './ask-for-scope.ts'

/**
 * The feature whose request for more access the person declined on the provider's screen: a
 * callback that failed with `access_denied` (RFC 6749 §4.1.2.1) for a request that asked for a
 * feature's scope as the account this browser's session hint names. Saying no to more access is
 * not signing out: the session is restored silently and the feature says it needs the access.
 * Any other failure, or a request for another account, stays an ordinary failed sign-in.
 */
export function readDeclinedFeature(
  error: unknown,
  hintedSub: string | undefined,
): FeatureName | undefined {
  const { error: code, state } = (error ?? {}) as { error?: unknown; state?: unknown }
  if (code !== 'access_denied' || typeof state !== 'object' || state === null) return undefined
  const { feature, account } = state as { feature?: unknown; account?: unknown }
  return feature === 'calendar' && hintedSub !== undefined && account === hintedSub
    ? feature
    : undefined
}
