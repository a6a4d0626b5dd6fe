import { isFeatureName, type FeatureName } from './ask-for-scope.ts'

/** A request made from a session that the person declined at the provider. */
export interface DeclinedRequest {
  /** The feature whose access was declined; none for "Use another account". */
  feature: FeatureName | undefined
}

/**
 * Whether a failed callback is the person saying no at the provider to a request made from the
 * session this browser holds: `access_denied` (RFC 6749 §4.1.2.1) for a request whose state names
 * the account of the session hint (a feature's access, or "Use another account" left on the
 * chooser). Saying no there is not signing out: the session is restored silently, and a feature
 * says it needs the access. Any other failure, or a request for another account, stays an ordinary
 * failed sign-in.
 */
export function readDeclinedRequest(
  error: unknown,
  hintedSub: string | undefined,
): DeclinedRequest | undefined {
  const { error: code, state } = (error ?? {}) as { error?: unknown; state?: unknown }
  if (code !== 'access_denied' || typeof state !== 'object' || state === null) return undefined
  const { feature, account } = state as { feature?: unknown; account?: unknown }
  if (hintedSub === undefined || account !== hintedSub) return undefined
  return { feature: isFeatureName(feature) ? feature : undefined }
}
