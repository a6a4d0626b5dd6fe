import { AuthError } from './auth-error.ts'

export interface RevocationRequest {
  endpoint: string
  token: string
  tokenTypeHint: 'access_token' | 'refresh_token'
  clientId: string
  clientSecret: string | undefined
  timeoutMs: number
}

/**
 * Revokes a token (RFC 7009 §2.1). Success is HTTP 200 whatever the body and its content type
 * (§2.2), or Google's 400 `invalid_token` for a token that is already dead. oidc-client-ts's own
 * revokeToken rejects a 200 that is not JSON, which some providers send, so this is done here.
 * @throws AuthError (`timeout`) or an Error naming the HTTP status.
 */
export async function revokeToken(req: RevocationRequest): Promise<void> {
  const body = new URLSearchParams({
    token: req.token,
    token_type_hint: req.tokenTypeHint,
    client_id: req.clientId,
  })
  if (req.clientSecret) body.set('client_secret', req.clientSecret)
  let response: Response
  try {
    response = await fetch(req.endpoint, {
      method: 'POST',
      body,
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
      signal: AbortSignal.timeout(req.timeoutMs),
    })
  } catch (error: unknown) {
    if ((error as { name?: unknown } | null)?.name === 'TimeoutError') {
      throw new AuthError(
        'timeout',
        'The provider did not answer in time.',
        'No revocation response.',
      )
    }
    throw error
  }
  if (response.status === 200) return
  // Google answers 400 `invalid_token` ("Token expired or revoked") where RFC 7009 §2.2 would
  // answer 200: either way the token can no longer be used, which is all revocation is for.
  const answer: unknown = response.status === 400 ? await response.json().catch(() => null) : null
  if ((answer as { error?: unknown } | null)?.error !== 'invalid_token') {
    throw new Error(`Revocation answered HTTP ${response.status}.`)
  }
}
