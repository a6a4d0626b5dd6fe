import { TEST_USER } from './test-user.ts'

/** A canned answer that replaces what the provider would have said. */
export interface CannedResponse {
  status: number
  contentType: 'application/json' | 'text/html'
  body: string
}

/** How a broken or malicious provider misbehaves; each field replaces or rewrites one answer. */
export interface HostileBehaviour {
  /** Rewrites the ID token's claims; the token is re-signed with the provider's key. */
  idTokenClaims?: (claims: Record<string, unknown>) => Record<string, unknown>
  token?: CannedResponse | 'never-answers'
  /** Rewrites a successful token response (after the ID token rewrite, if any). */
  tokenResponse?: (body: Record<string, unknown>) => Record<string, unknown>
  userinfo?: CannedResponse
  /** Rewrites the redirect back to the app (the authorization response). */
  authorizationResponse?: (callback: URL) => void
  discovery?: 'unreachable' | { issuer: string }
}

const MARKUP =
  '<img src=x onerror="window.pwned=1"><a href="https://evil.example/">Click here</a><script>window.pwned=1</script>'
const json = (status: number, body: unknown): CannedResponse => ({
  status,
  contentType: 'application/json',
  body: JSON.stringify(body),
})
const html = (status: number, body: string): CannedResponse => ({
  status,
  contentType: 'text/html',
  body,
})
const without = (name: string) => (claims: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(claims).filter(([claim]) => claim !== name))
const withoutEmail = (claims: Record<string, unknown>) =>
  without('email_verified')(without('email')(claims))
const withFields = (fields: Record<string, unknown>) => (body: Record<string, unknown>) => ({
  ...body,
  ...fields,
})

/** One configuration per hostile scenario, selected per test by name. */
export const HOSTILE_SCENARIOS = {
  'id-token-wrong-iss': { idTokenClaims: (c) => ({ ...c, iss: 'https://evil.example' }) },
  'id-token-wrong-aud': { idTokenClaims: (c) => ({ ...c, aud: 'another-client.apps.localhost' }) },
  'id-token-no-sub': { idTokenClaims: without('sub') },
  'id-token-no-iat': { idTokenClaims: without('iat') },
  // Expired by its own iat: the app reads the provider's time from a fresh token's iat
  // (packages/static-signin/src/oidc/device-clock.ts), so an old iat alone reads as a device clock that is fast.
  'id-token-expired': { idTokenClaims: (c) => ({ ...c, exp: Number(c.iat) - 3600 }) },
  // Minted two hours ago, expired one hour ago: at a renewal, the clock this tab learnt at
  // sign-in judges it, and it cannot pass for a fast device clock.
  'id-token-stale': {
    idTokenClaims: (c) => ({ ...c, iat: Number(c.iat) - 7200, exp: Number(c.iat) - 3600 }),
  },
  'id-token-wrong-nonce': {
    idTokenClaims: (c) => ({ ...c, nonce: 'not-the-nonce-this-browser-sent' }),
  },
  'id-token-no-nonce': { idTokenClaims: without('nonce') },
  'userinfo-other-sub': {
    userinfo: json(200, {
      sub: '999',
      email: 'mallory@evil.example',
      email_verified: true,
      name: 'Mallory',
    }),
  },
  'userinfo-html': { userinfo: html(200, `<html><body><h1>Welcome</h1>${MARKUP}</body></html>`) },
  'userinfo-500': { userinfo: json(500, { error: 'server_error', error_description: MARKUP }) },
  // The email scope granted, but the ID token without the email and userinfo down: the email is
  // not known yet, though the person did share it.
  'userinfo-500-id-token-without-email': {
    idTokenClaims: withoutEmail,
    userinfo: json(500, { error: 'server_error' }),
  },
  // The person did not grant the email scope: no email anywhere, and the token response names
  // only what was granted, in Google's long forms.
  'email-scope-withheld': {
    idTokenClaims: withoutEmail,
    tokenResponse: withFields({
      scope: 'openid https://www.googleapis.com/auth/userinfo.profile',
    }),
    userinfo: json(200, { sub: TEST_USER.sub, name: TEST_USER.name }),
  },
  'token-500-html': {
    token: html(500, `<html><body><h1>Internal Server Error</h1>${MARKUP}</body></html>`),
  },
  'token-invalid-grant-markup': {
    token: json(400, { error: 'invalid_grant', error_description: MARKUP }),
  },
  'token-never-answers': { token: 'never-answers' },
  // An incomplete token response: no ID token and a scope without openid, so the library itself
  // would treat it as plain OAuth and run no ID-token check at all.
  'token-not-openid': {
    tokenResponse: (body) => ({ ...without('id_token')(body), scope: 'email profile' }),
  },
  'token-no-id-token': { tokenResponse: without('id_token') },
  'token-id-token-not-jwt': { tokenResponse: withFields({ id_token: 'not-a-jwt' }) },
  'token-no-access-token': { tokenResponse: without('access_token') },
  'token-type-mac': { tokenResponse: withFields({ token_type: 'MAC' }) },
  'token-scope-without-openid': { tokenResponse: withFields({ scope: 'email profile' }) },
  'token-expires-in-zero': { tokenResponse: withFields({ expires_in: 0 }) },
  'token-expires-in-negative': { tokenResponse: withFields({ expires_in: -3600 }) },
  'token-expires-in-text': { tokenResponse: withFields({ expires_in: 'one hour' }) },
  'token-expires-in-absurd': { tokenResponse: withFields({ expires_in: 864_000 }) },
  'authorization-denied-markup': {
    authorizationResponse: (callback) => {
      callback.searchParams.delete('code')
      callback.searchParams.set('error', 'access_denied')
      callback.searchParams.set('error_description', MARKUP)
      callback.searchParams.set('error_uri', 'javascript:window.pwned=1')
    },
  },
  'authorization-wrong-iss': {
    authorizationResponse: (callback) => {
      callback.searchParams.set('iss', 'https://evil.example')
    },
  },
  'authorization-replaced-state': {
    authorizationResponse: (callback) => {
      callback.searchParams.set('state', 'a-state-this-browser-never-issued')
    },
  },
  'discovery-unreachable': { discovery: 'unreachable' },
  'discovery-other-issuer': { discovery: { issuer: 'https://evil.example' } },
} satisfies Record<string, HostileBehaviour>

export type HostileScenarioName = keyof typeof HOSTILE_SCENARIOS

/** The markup every scenario above smuggles into provider-supplied text. */
export const HOSTILE_MARKUP = MARKUP
