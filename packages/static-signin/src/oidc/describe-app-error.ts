import { AuthError, type AuthErrorCode } from './auth-error.ts'

/** A failure as a person reads it. Every field is plain text, never HTML. */
export interface AuthErrorDescription {
  title: string
  message: string
  /** Technical detail, possibly provider-supplied: render as text only. */
  detail: string | undefined
}

const MAX_DETAIL_LENGTH = 300

const BY_CODE: Record<AuthErrorCode, string> = {
  authorization_response_invalid: 'Sign-in could not be completed',
  issuer_mismatch: 'Sign-in response rejected',
  id_token_invalid: 'Sign-in response rejected',
  device_clock_wrong: 'Your device’s clock looks wrong',
  token_response_invalid: 'Sign-in response rejected',
  discovery_invalid: 'Sign-in is misconfigured',
  userinfo_failed: 'Your profile could not be loaded',
  userinfo_subject_mismatch: 'Your profile could not be loaded',
  userinfo_unauthorized: 'Your session is no longer accepted',
  no_session: 'You are not signed in',
  timeout: 'The sign-in provider did not answer',
  superseded: 'You are signed out',
  app_unavailable: 'This page did not finish loading',
  site_data_blocked: 'Signing in needs site data',
  browser_unsupported: 'Signing in is not possible in this browser',
}

export function clip(text: string): string {
  return text.length > MAX_DETAIL_LENGTH ? `${text.slice(0, MAX_DETAIL_LENGTH)}…` : text
}

/** react-oidc-context wraps the thrown value as `innerError`; look through it. */
export function unwrap(error: unknown): unknown {
  if (typeof error === 'object' && error !== null && 'innerError' in error) {
    return error.innerError ?? error
  }
  return error
}

/**
 * Describes the failures this app raises itself (AuthError), the only ones a page can meet
 * before the sign-in engine has loaded: the engine's chunk did not load, the browser refuses.
 * Everything the provider or the library can throw is described by describeAuthError, which
 * comes with the engine (describe-auth-error.ts), so its wording costs the first paint nothing.
 */
export function describeAppError(error: unknown): AuthErrorDescription {
  const inner = unwrap(error)
  if (inner instanceof AuthError) {
    return {
      title: BY_CODE[inner.code],
      message: inner.message,
      detail: inner.detail && clip(inner.detail),
    }
  }
  return {
    title: 'Sign-in failed',
    message: 'Something went wrong while signing you in.',
    detail: undefined,
  }
}
