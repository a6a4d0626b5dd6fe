import { InMemoryWebStorage, WebStorageStateStore, type UserManagerSettings } from 'oidc-client-ts'
import type { AppConfig } from '../config/read-config.ts'
import { googleMetadata } from '../google/metadata.ts'
import type { RedirectUris } from './callback-url.ts'
import { MetadataCache } from './metadata-cache.ts'
import { SecureUserManager } from './secure-user-manager.ts'

/** Every request to the provider gives up after this long (the library has no default). */
export const REQUEST_TIMEOUT_SECONDS = 10

/**
 * The hidden iframe of a restore (reload, new tab), another tab's join and "Renew now" must answer
 * within this; then the code exchange has REQUEST_TIMEOUT_SECONDS.
 */
export const RESTORE_TIMEOUT_SECONDS = 5

/** oidc-client-ts settings for this app: tokens in memory, transient state in sessionStorage. */
export function buildUserManagerSettings(
  config: AppConfig,
  redirectUris: RedirectUris,
  storage: { session: Storage },
  metadataCache: MetadataCache | undefined,
): UserManagerSettings {
  return {
    authority: config.issuer,
    client_id: config.clientId,
    client_secret: config.clientSecret,
    client_authentication: 'client_secret_post',
    redirect_uri: redirectUris.signIn,
    silent_redirect_uri: redirectUris.silentRenew,
    response_type: 'code',
    scope: config.scope,
    // Every request — sign-in, renewal, restore, incremental, another account — asks the provider to
    // include what the person granted this client before (Google's incremental authorization), so
    // no new token drops a scope. A provider that does not know the parameter ignores it (RFC 6749
    // §3.1). oidc-client-ts uses these unless a call passes its own: none of this app's calls do.
    extraQueryParams: { include_granted_scopes: 'true' },
    // Embedded for Google, so nothing is fetched before the redirect; discovered otherwise, once
    // per tab: the callback page reuses what the sign-in's start fetched (metadata-cache.ts).
    metadata: metadataCache ? metadataCache.read() : googleMetadata,
    userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
    stateStore: new WebStorageStateStore({ store: storage.session }),
    // Userinfo is fetched by SecureUserManager after the ID token is validated, not by the library.
    loadUserInfo: false,
    monitorSession: false,
    automaticSilentRenew: false,
    revokeTokensOnSignout: false,
    requestTimeoutInSeconds: REQUEST_TIMEOUT_SECONDS,
    silentRequestTimeoutInSeconds: REQUEST_TIMEOUT_SECONDS,
    staleStateAgeInSeconds: 900,
    fetchRequestCredentials: 'omit',
  }
}

/** The app's single UserManager. */
export function createUserManager(
  config: AppConfig,
  redirectUris: RedirectUris,
  storage: { session: Storage },
): SecureUserManager {
  const metadataCache = config.isGoogle
    ? undefined
    : new MetadataCache(storage.session, config.issuer)
  const settings = buildUserManagerSettings(config, redirectUris, storage, metadataCache)
  return new SecureUserManager(settings, {
    issuer: config.issuer,
    clientId: config.clientId,
    userinfoTimeoutMs: REQUEST_TIMEOUT_SECONDS * 1000,
    useRefreshTokens: config.useRefreshTokens,
    metadataCache,
  })
}
