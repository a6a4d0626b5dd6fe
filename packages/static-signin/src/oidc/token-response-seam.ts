import type { OidcClient } from 'oidc-client-ts'

type Exchange = (args: never) => Promise<object>

/** Which grant a token response answers: a code exchange is bound to this tab's nonce and PKCE. */
export type TokenGrant = 'authorization_code' | 'refresh_token'
interface TokenClientLike {
  exchangeCode: Exchange
  exchangeRefreshToken: Exchange
}

function isTokenClient(value: unknown): value is TokenClientLike {
  const client = value as Partial<TokenClientLike> | null | undefined
  return (
    typeof client?.exchangeCode === 'function' && typeof client.exchangeRefreshToken === 'function'
  )
}

/**
 * Runs `check` on every raw token endpoint response before oidc-client-ts reads it, and hands the
 * library what `check` returns. oidc-client-ts 3.5 has no public hook for this: it merges the JSON
 * onto its response object (`expires_in` already turned into `expires_at`, unknown values
 * dropped silently), so the two TokenClients of the UserManager's OidcClient are wrapped instead:
 * `_validator._tokenClient` (code exchange: redirect and iframe) and `_tokenClient` (refresh
 * grant). The library version is pinned exactly in package.json, and
 * test/unit/oidc/token-response-seam.test.ts fails if this seam moves.
 * @throws Error at once if the library no longer has these members.
 */
export function interceptTokenResponses(
  oidcClient: OidcClient,
  check: (response: unknown, grant: TokenGrant) => object,
): void {
  // Protected members, reached on purpose: the only way to see the raw response.
  const client = oidcClient as unknown as {
    _tokenClient?: unknown
    _validator?: { _tokenClient?: unknown }
  }
  const tokenClients = [client._validator?._tokenClient, client._tokenClient]
  if (!tokenClients.every(isTokenClient)) {
    throw new Error('oidc-client-ts changed: token responses cannot be checked.')
  }
  for (const tokenClient of tokenClients) {
    for (const method of ['exchangeCode', 'exchangeRefreshToken'] as const) {
      const exchange = tokenClient[method].bind(tokenClient)
      const grant = method === 'exchangeCode' ? 'authorization_code' : 'refresh_token'
      tokenClient[method] = async (args: never) => check(await exchange(args), grant)
    }
  }
}
