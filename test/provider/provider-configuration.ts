import type { Configuration } from 'oidc-provider'
import { CALENDAR_SCOPE } from '../google/wire-format.ts'
import { loadExistingGrant } from './account-grants.ts'
import { googleLikePolicy } from './interaction-policy.ts'
import { MemoryAdapter } from './memory-adapter.ts'
import type { Scenario } from './scenario.ts'
import type { SigningKey } from './signing-key.ts'
import { findTestAccount, testUserClaims } from './test-user.ts'

export interface ClientOptions {
  clientId: string
  clientSecret: string
  /** Origins the app is served from; each gets both redirect URIs and CORS. */
  appOrigins: string[]
  /** Offer rotating refresh tokens (Google does not, to browser apps). */
  hasRefreshTokens: boolean
  /** The app's base path on every origin ("/" unless a sub-path build is tested). */
  basePath?: string
}

/**
 * oidc-provider configured to behave like Google for a browser app: a Web client whose token
 * endpoint demands the client secret (client_secret_post), PKCE required, Google's claims in the
 * ID token and userinfo, opaque access tokens, revocation, no end-session endpoint, CORS for the
 * app's origins. Token lifetimes follow the current scenario.
 */
export function buildConfiguration(
  client: ClientOptions,
  issuer: string,
  scenario: () => Scenario,
  key: SigningKey,
): Configuration {
  const ttl = () => scenario().tokenTtlSeconds
  return {
    adapter: MemoryAdapter,
    clients: [
      {
        client_id: client.clientId,
        client_secret: client.clientSecret,
        client_name: 'Static Sign-in (local)',
        redirect_uris: client.appOrigins.flatMap((origin) => [
          `${origin}${client.basePath ?? '/'}`,
          `${origin}${client.basePath ?? '/'}silent-renew.html`,
        ]),
        token_endpoint_auth_method: 'client_secret_post',
        grant_types: client.hasRefreshTokens
          ? ['authorization_code', 'refresh_token']
          : ['authorization_code'],
        response_types: ['code'],
      },
    ],
    pkce: { required: () => true },
    findAccount: (_ctx, id) => {
      const account = findTestAccount(id)
      return account && { accountId: id, claims: () => testUserClaims(account, issuer) }
    },
    // The Calendar scope has no claims: it is for the Calendar endpoint (calendar-api.ts).
    scopes: ['openid', 'offline_access', CALENDAR_SCOPE],
    extraParams: ['include_granted_scopes'],
    // One grant per account and client, kept across sessions, as Google keeps them.
    loadExistingGrant,
    claims: {
      openid: ['sub', 'hd'],
      email: ['email', 'email_verified'],
      profile: ['name', 'given_name', 'family_name', 'picture', 'locale'],
    },
    // Google puts the profile claims in the ID token too.
    conformIdTokenClaims: false,
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      userinfo: { enabled: true },
      rpInitiatedLogout: { enabled: false }, // Google has no end-session endpoint
    },
    // Refresh tokens without `offline_access`, rotated on every use.
    issueRefreshToken: (_ctx, c) => c.grantTypeAllowed('refresh_token'),
    rotateRefreshToken: true,
    interactions: {
      policy: googleLikePolicy(),
      url: (_ctx, interaction) => `/interaction/${interaction.uid}`,
    },
    clientBasedCORS: (_ctx, origin) => client.appOrigins.includes(origin),
    // SameSite=Lax, as oidc-provider 9 sets by default (8 sets its session cookie to None, which a
    // browser refuses over http and which would reach the renewal iframe from another site).
    cookies: {
      keys: ['local-provider-cookie-key-not-secret'],
      long: { httpOnly: true, sameSite: 'lax' },
      short: { httpOnly: true, sameSite: 'lax' },
    },
    jwks: { keys: [key.jwk] },
    ttl: {
      AccessToken: ttl,
      IdToken: ttl,
      RefreshToken: 86_400,
      AuthorizationCode: 60,
      Interaction: 600,
      Session: 86_400,
      Grant: 86_400,
    },
  }
}
