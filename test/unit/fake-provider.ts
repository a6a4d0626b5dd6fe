import { OidcClient } from 'oidc-client-ts'
import { vi } from 'vitest'
import type { AppConfig } from '../../packages/static-signin/src/config/read-config.ts'
import { describeRedirectUris } from '../../packages/static-signin/src/oidc/callback-url.ts'
import { buildUserManagerSettings } from '../../packages/static-signin/src/oidc/create-user-manager.ts'
import { MetadataCache } from '../../packages/static-signin/src/oidc/metadata-cache.ts'

export const ISSUER = 'https://issuer.example'
export const CLIENT_ID = 'client-123'
export const SUBJECT = '1234567890'

export const testConfig: AppConfig = {
  issuer: ISSUER,
  clientId: CLIENT_ID,
  clientSecret: 'public-secret',
  scope: 'openid email profile',
  isGoogle: false,
  useRefreshTokens: false,
  isLocalProvider: false,
}

export const redirectUris = describeRedirectUris(window.location.origin, '/')

/** Sign-in requests (state, PKCE verifier) left in this tab's sessionStorage. */
export const pendingSignIns = () =>
  Object.keys(sessionStorage).filter((key) => key.startsWith('oidc.'))

function base64url(value: unknown): string {
  return btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/** An unsigned JWT with these claims; the client does not check signatures (token endpoint over TLS). */
export function makeIdToken(claims: Record<string, unknown>): string {
  return `${base64url({ alg: 'RS256', kid: 'k' })}.${base64url(claims)}.c2ln`
}

export function validClaims(
  nonce: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000)
  return {
    iss: ISSUER,
    aud: CLIENT_ID,
    sub: SUBJECT,
    iat: now,
    exp: now + 3600,
    nonce,
    email: 'id@example.com',
    ...overrides,
  }
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })

export interface FakeProviderOptions {
  idToken?: (nonce: string) => string
  userinfo?: () => Response
  token?: (nonce: string) => Response
}

/**
 * Stubs `fetch` with a provider at {@link ISSUER}: discovery, token, userinfo, revocation.
 * Returns the log of requests, as [method, url] pairs.
 */
export function installFakeProvider(nonce: string, options: FakeProviderOptions = {}): string[][] {
  const calls: string[][] = []
  const idToken = options.idToken ?? ((n: string) => makeIdToken(validClaims(n)))
  vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input)
    calls.push([init?.method ?? 'GET', url])
    switch (url) {
      case `${ISSUER}/.well-known/openid-configuration`:
        return Promise.resolve(
          json({
            issuer: ISSUER,
            authorization_endpoint: `${ISSUER}/auth`,
            token_endpoint: `${ISSUER}/token`,
            userinfo_endpoint: `${ISSUER}/userinfo`,
            revocation_endpoint: `${ISSUER}/revoke`,
            jwks_uri: `${ISSUER}/jwks`,
          }),
        )
      case `${ISSUER}/token`:
        return Promise.resolve(
          options.token?.(nonce) ??
            json({
              access_token: 'at-1',
              token_type: 'Bearer',
              expires_in: 3599,
              scope: 'openid email profile',
              id_token: idToken(nonce),
            }),
        )
      case `${ISSUER}/userinfo`:
        return Promise.resolve(
          options.userinfo?.() ??
            json({ sub: SUBJECT, email: 'ada@example.com', email_verified: 'true', name: 'Ada' }),
        )
      case `${ISSUER}/revoke`:
        return Promise.resolve(new Response('', { status: 200 }))
      default:
        return Promise.resolve(new Response('not found', { status: 404 }))
    }
  })
  return calls
}

/**
 * Starts a sign-in the way the app does (state and PKCE verifier into sessionStorage) and puts the
 * provider's answer in the address bar, as if the browser had just come back.
 */
export async function arriveWithCallback(
  nonce: string,
  params: (state: string) => Record<string, string> = (state) => ({
    code: 'code-1',
    state,
    iss: ISSUER,
  }),
  returnTo = '/account',
  scope?: string,
): Promise<string> {
  const client = new OidcClient(
    buildUserManagerSettings(
      testConfig,
      redirectUris,
      { session: sessionStorage },
      new MetadataCache(sessionStorage, testConfig.issuer),
    ),
  )
  const request = await client.createSigninRequest({
    request_type: 'si:r',
    nonce,
    state: { returnTo },
    ...(scope === undefined ? {} : { scope }),
  })
  const search = new URLSearchParams(params(request.state.id))
  window.history.replaceState(null, '', `/?${search.toString()}`)
  return request.state.id
}
