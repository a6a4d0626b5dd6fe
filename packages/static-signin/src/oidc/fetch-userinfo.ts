import { AuthError } from './auth-error.ts'

export interface UserInfoRequest {
  endpoint: string
  accessToken: string
  /** The `sub` of the validated ID token. */
  expectedSubject: string
  timeoutMs: number
}

/** Userinfo claims as a JSON object whose `sub` matched the ID token's. */
export type UserInfoClaims = Record<string, unknown> & { sub: string }

/** AbortSignal.timeout() rejects with a DOMException named TimeoutError (compared by name: realms differ). */
function isTimeout(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { name?: unknown }).name === 'TimeoutError'
  )
}

async function request(req: UserInfoRequest): Promise<Response> {
  try {
    // Bearer in the header, never in the URL (RFC 6750 §2.1); no credentials: Google's CORS
    // answer does not allow them.
    return await fetch(req.endpoint, {
      headers: { Authorization: `Bearer ${req.accessToken}`, Accept: 'application/json' },
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
      signal: AbortSignal.timeout(req.timeoutMs),
    })
  } catch (error: unknown) {
    if (isTimeout(error)) {
      throw new AuthError(
        'timeout',
        'The provider did not answer in time.',
        `No userinfo response within ${req.timeoutMs / 1000} s.`,
      )
    }
    failWith('Network error.')
  }
}

function failWith(detail: string): never {
  throw new AuthError('userinfo_failed', 'Your profile could not be loaded.', detail)
}

/**
 * Fetches the userinfo endpoint straight from the browser and accepts the answer only when it is
 * a JSON object whose `sub` equals the ID token's (OIDC Core §5.3.2).
 * @throws AuthError (`userinfo_failed`, `userinfo_subject_mismatch`, `timeout`)
 */
export async function fetchUserInfo(req: UserInfoRequest): Promise<UserInfoClaims> {
  // An absent subject must never "match" an absent one (undefined === undefined).
  if (!req.expectedSubject) throw new AuthError('no_session', 'Sign in to load your profile.')
  const response = await request(req)
  if (response.status === 401) {
    throw new AuthError(
      'userinfo_unauthorized',
      'The provider no longer accepts this session’s access token.',
      'The userinfo endpoint answered HTTP 401 (token revoked or expired).',
    )
  }
  if (!response.ok) failWith(`The userinfo endpoint answered HTTP ${response.status}.`)
  const contentType = response.headers.get('Content-Type') ?? ''
  let body: unknown
  try {
    if (!/^application\/json\b/i.test(contentType)) throw new Error(contentType)
    body = await response.json()
  } catch {
    failWith('The userinfo endpoint did not answer with JSON.')
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    failWith('Not a JSON object.')
  }
  const claims = body as Record<string, unknown>
  if (claims.sub !== req.expectedSubject) {
    throw new AuthError(
      'userinfo_subject_mismatch',
      'The provider returned a profile for another account.',
      'The userinfo sub differs from the ID token sub.',
    )
  }
  return claims as UserInfoClaims
}
