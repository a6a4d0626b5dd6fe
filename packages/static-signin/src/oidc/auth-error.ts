/** What went wrong, in terms the app can explain to a person. */
export type AuthErrorCode =
  | 'authorization_response_invalid'
  | 'issuer_mismatch'
  | 'id_token_invalid'
  | 'device_clock_wrong'
  | 'token_response_invalid'
  | 'discovery_invalid'
  | 'userinfo_failed'
  | 'userinfo_subject_mismatch'
  | 'userinfo_unauthorized'
  | 'no_session'
  | 'timeout'
  | 'superseded'
  | 'app_unavailable'
  | 'site_data_blocked'
  | 'browser_unsupported'

/**
 * An authentication failure detected by this app's own checks (the ones oidc-client-ts leaves
 * to the application). `detail` is for the technical section of the message, rendered as text.
 */
export class AuthError extends Error {
  override readonly name = 'AuthError'
  readonly code: AuthErrorCode
  readonly detail: string | undefined

  constructor(code: AuthErrorCode, message: string, detail?: string) {
    super(message)
    this.code = code
    this.detail = detail
  }
}

/** Narrows an unknown thrown value to an Error, wrapping anything else. */
export function toError(error: unknown): Error {
  if (error instanceof Error) return error
  return new Error(typeof error === 'string' ? error : 'Unknown error')
}

/** The `code` of a thrown value, looking through react-oidc-context's `innerError` wrapper. */
export function readErrorCode(error: unknown): unknown {
  const inner = (error as { innerError?: unknown } | null)?.innerError ?? error
  return (inner as { code?: unknown } | null)?.code
}
