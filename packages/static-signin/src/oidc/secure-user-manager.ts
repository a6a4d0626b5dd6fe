import {
  UserManager,
  type OidcMetadata,
  type SigninRedirectArgs,
  type SigninSilentArgs,
  type User,
  type UserManagerSettings,
} from 'oidc-client-ts'
import { AuthError } from './auth-error.ts'
import { checkAuthorizationResponse } from './check-authorization-response.ts'
import { checkTokenResponse } from './check-token-response.ts'
import { DeviceClock } from './device-clock.ts'
import { removeCallbackParameters } from './callback-url.ts'
import { fetchUserInfo } from './fetch-userinfo.ts'
import type { MetadataCache } from './metadata-cache.ts'
import { pickDisplayClaims } from './profile.ts'
import { createRandomToken } from './random-token.ts'
import { revokeToken } from './revoke-token.ts'
import { interceptTokenResponses, type TokenGrant } from './token-response-seam.ts'
import {
  CLOCK_TOLERANCE_SECONDS,
  validateIdTokenClaims,
  validateIdTokenTimes,
} from './validate-id-token.ts'

/** The request type of an early restore's state (the library's own silent one is `si:s`). */
export const EARLY_RESTORE_REQUEST_TYPE = 'si:s:early'

/** RFC 9207 §3: providers that always send `iss` say so in their metadata (Google does not). */
function advertisesIssParameter(metadata: Partial<OidcMetadata>): boolean {
  return (
    (metadata as Record<string, unknown>).authorization_response_iss_parameter_supported === true
  )
}

export interface SecurityExpectations {
  issuer: string
  clientId: string
  /** Timeout of the requests this class makes itself (userinfo, revocation). */
  userinfoTimeoutMs: number
  /** Renew with refresh tokens when the provider gives them; otherwise they are not even kept. */
  useRefreshTokens: boolean
  /** Where checked discovery is kept for the callback page (not for Google: embedded). */
  metadataCache?: MetadataCache
}

/**
 * oidc-client-ts's UserManager plus the checks it leaves to the application
 * (docs/security-requirements.md), placed where every sign-in path passes:
 * - `_signinEnd`: every authorization response (redirect and iframe) is checked before its code is
 *   redeemed; a rejected response's stored state is discarded.
 * - every token endpoint response (sign-in and renewal) must be a complete OIDC token response
 *   ({@link checkTokenResponse}) before the library reads it;
 * - `storeUser`: no user is stored — so none is ever "loaded" — until its ID token passed
 *   {@link validateIdTokenClaims} and {@link validateIdTokenTimes}, every time. Userinfo comes after, off the critical path: only once
 *   it answered with the same `sub` are its claims shown (session/profile-reload.ts).
 * - every request carries a fresh `nonce`, which the library then enforces.
 * - discovery is fetched once per tab and must name the configured issuer, fetched or kept.
 */
export class SecureUserManager extends UserManager {
  readonly #expected: SecurityExpectations
  #metadata: Promise<Partial<OidcMetadata>> | undefined
  #storeGate: ((user: User) => void) | undefined
  readonly #callbackFailedListeners = new Set<(error: unknown) => void>()
  readonly #clock = new DeviceClock()
  /** ID tokens just sent by the token endpoint: the device time they arrived at, and for what. */
  readonly #receivedIdTokens = new Map<
    string,
    { receivedAtMs: number; grant: TokenGrant; hasScope: boolean }
  >()
  #isLeaving = false

  constructor(settings: UserManagerSettings, expected: SecurityExpectations) {
    super(settings)
    this.#expected = expected
    interceptTokenResponses(this._client, (response, grant) => {
      const checked = checkTokenResponse(response)
      // A few at most: a response the library rejects before storing leaves its entry behind.
      if (this.#receivedIdTokens.size >= 4) this.#receivedIdTokens.clear()
      this.#receivedIdTokens.set(checked.id_token, {
        receivedAtMs: Date.now(),
        grant,
        hasScope: checked.scope !== undefined,
      })
      return checked
    })
  }

  /** Loads (once) and checks the provider metadata; call at start-up so sign-in fetches nothing. */
  prepare(): Promise<Partial<OidcMetadata>> {
    this.#metadata ??= this.metadataService.getMetadata().then((metadata) => {
      if (metadata.issuer !== this.#expected.issuer) {
        throw new AuthError(
          'discovery_invalid',
          'The sign-in provider is misconfigured.',
          `Its discovery document names the issuer "${String(metadata.issuer)}", expected ${this.#expected.issuer}.`,
        )
      }
      this.#expected.metadataCache?.write(metadata)
      return metadata
    })
    this.#metadata.catch(() => {
      this.#metadata = undefined // let a retry fetch again
    })
    return this.#metadata
  }

  override async signinRedirect(args: SigninRedirectArgs = {}): Promise<void> {
    await this.prepare()
    // The library's promise settles only if this page is shown again (Back, from the back/forward
    // cache) or the request could not be made: until then, the page is leaving.
    this.#isLeaving = true
    try {
      await super.signinRedirect({ ...args, nonce: createRandomToken() })
    } finally {
      this.#isLeaving = false
    }
  }

  /**
   * The page is on its way to the provider: its request's state (PKCE verifier, nonce) must
   * survive until the answer lands on the next page, whatever this page hears meanwhile.
   */
  get isLeaving(): boolean {
    return this.#isLeaving
  }

  override async signinSilent(args: SigninSilentArgs = {}): Promise<User | null> {
    await this.prepare()
    return super.signinSilent({
      forceIframeAuth: !this.#expected.useRefreshTokens,
      ...args,
      nonce: createRandomToken(),
    })
  }

  /**
   * A silent restore request that the next load of this tab opens before its scripts arrive
   * (session/early-restore.ts): `prompt=none` in the hidden iframe, a fresh nonce and PKCE pair.
   * Only its URL and state id are returned; the state (verifier, nonce) waits in this tab's state
   * store, of its own request type, so that discarding an abandoned iframe's state spares it.
   */
  async createEarlyRestoreRequest(loginHint: string): Promise<{ url: string; state: string }> {
    await this.prepare()
    const request = await this._client.createSigninRequest({
      request_type: EARLY_RESTORE_REQUEST_TYPE,
      redirect_uri: this.settings.silent_redirect_uri,
      prompt: 'none',
      login_hint: loginHint,
      nonce: createRandomToken(),
    })
    return { url: request.url, state: request.state.id }
  }

  /**
   * Redeems a silent answer that the library's own iframe did not fetch (the early restore's),
   * through `_signinEnd`: the same checks, the same store gate, as any iframe answer.
   */
  async signinSilentWith(response: Promise<string>): Promise<User> {
    return this._signinEnd(await response) // discovery, then the checks, in _signinEnd
  }

  /** Forgets one pending request's state (an early restore nobody redeemed). */
  async discardPendingSignin(state: string): Promise<void> {
    await this.settings.stateStore.remove(state)
  }

  /** Processes the callback at the current URL, then removes its parameters from the address bar. */
  override async signinCallback(url = window.location.href): Promise<User | undefined> {
    try {
      const user = await super.signinCallback(url)
      this.#cleanAddress(url)
      return user
    } catch (error: unknown) {
      // Whatever round trip this tab had pending is over: leave no PKCE verifier behind.
      await this.discardPendingSignins()
      this.#cleanAddress(url)
      // Listeners come after the cleaning: one may put back the address the request came from.
      this.#callbackFailedListeners.forEach((listener) => {
        listener(error)
      })
      throw error
    }
  }

  #cleanAddress(url: string): void {
    if (url === window.location.href) {
      window.history.replaceState(window.history.state, '', removeCallbackParameters(url))
    }
  }

  /** Called with the error whenever processing a callback fails; returns the unsubscribe. */
  addCallbackFailed(listener: (error: unknown) => void): () => void {
    this.#callbackFailedListeners.add(listener)
    return () => this.#callbackFailedListeners.delete(listener)
  }

  /**
   * Lets the session's owner refuse a store (by throwing): a result that arrives after the person
   * signed out is neither stored nor announced. Only the session keeper sets it.
   */
  setStoreGate(gate: ((user: User) => void) | undefined): void {
    this.#storeGate = gate
  }

  protected override async _signinEnd(url: string, verifySub?: string): Promise<User> {
    const metadata = await this.prepare()
    const { state, problem } = checkAuthorizationResponse(url, {
      issuer: this.#expected.issuer,
      isIssRequired: advertisesIssParameter(metadata),
    })
    if (problem) {
      if (state !== undefined) await this.settings.stateStore.remove(state)
      throw problem
    }
    return super._signinEnd(url, verifySub)
  }

  /** Every user the library would store is admitted first: no "same token as before" shortcut. */
  override async storeUser(user: User | null): Promise<void> {
    if (user) {
      this.#storeGate?.(user)
      if (!this.#expected.useRefreshTokens) user.refresh_token = undefined
      await this.#admit(user)
    }
    await super.storeUser(user)
  }

  /** Revokes a token at the provider's revocation endpoint (RFC 7009). */
  async revokeToken(token: string, type: 'access_token' | 'refresh_token'): Promise<void> {
    const endpoint = await this.metadataService.getRevocationEndpoint()
    if (!endpoint) throw new Error('The provider has no revocation endpoint.')
    await revokeToken({
      endpoint,
      token,
      tokenTypeHint: type,
      clientId: this.settings.client_id,
      clientSecret: this.settings.client_secret,
      timeoutMs: this.#expected.userinfoTimeoutMs,
    })
  }

  /**
   * Fetches userinfo with this user's access token and returns the claims that may be shown.
   * Stores nothing: the session keeper decides whether the answer still applies.
   * @throws AuthError — `userinfo_unauthorized` when the provider no longer accepts the token.
   */
  async fetchDisplayClaims(user: User): Promise<Record<string, unknown>> {
    const userinfo = await fetchUserInfo({
      endpoint: await this.metadataService.getUserInfoEndpoint(),
      accessToken: user.access_token,
      expectedSubject: user.profile.sub,
      timeoutMs: this.#expected.userinfoTimeoutMs,
    })
    return pickDisplayClaims(userinfo)
  }

  /** Shows newer display claims for the stored user (same tokens, already admitted). */
  async replaceProfile(user: User, claims: Record<string, unknown>): Promise<void> {
    user.profile = { ...user.profile, ...claims }
    await super.storeUser(user)
    await this.events.load(user)
  }

  /**
   * Forgets pending sign-in requests (state, PKCE verifier, nonce) of this tab: all of them, or
   * only those of one kind (`si:s`: silent attempts, whose iframe may have given up).
   */
  async discardPendingSignins(requestType?: string): Promise<void> {
    const store = this.settings.stateStore
    for (const key of await store.getAllKeys()) {
      if (requestType !== undefined && readRequestType(await store.get(key)) !== requestType) {
        continue
      }
      await store.remove(key)
    }
  }

  async #admit(user: User): Promise<void> {
    const claims = validateIdTokenClaims(user.id_token, {
      issuer: this.#expected.issuer,
      clientId: this.#expected.clientId,
    })
    // Only a token the token endpoint has just sent this tab, over TLS, in answer to its own code
    // exchange (PKCE + nonce), tells the provider's time, and only while the clock has nothing
    // better (see DeviceClock). Any other (a refresh grant's, a direct store) is judged by the
    // offset learnt before, so a stale token is refused, not taken for a fast device clock.
    const idToken = user.id_token ?? ''
    const received = this.#receivedIdTokens.get(idToken)
    this.#receivedIdTokens.delete(idToken)
    const toleranceMs = CLOCK_TOLERANCE_SECONDS * 1000
    // A refresh grant never moves the offset: after a sleep (the wall clock ran on, the monotonic
    // one did not) the offset learnt before is still right, and the next code exchange relearns.
    if (received?.grant === 'authorization_code' && this.#clock.shouldLearn(toleranceMs)) {
      this.#clock.learn(claims.iat, received.receivedAtMs)
    }
    // Only ID token times move to the provider's clock. `expires_at` is device-now + expires_in
    // (the library), so the renewal schedule and its timers rightly stay on the device's clock.
    validateIdTokenTimes(claims, {
      now: this.#clock.now() / 1000,
      clockToleranceSeconds: CLOCK_TOLERANCE_SECONDS,
    })
    // The same person renewed: keep the profile that userinfo confirmed. A new session shows
    // its validated ID token's claims; the session keeper fetches userinfo after it is stored.
    if (received?.grant === 'authorization_code' && !received.hasScope) {
      user.scope = keepSignInScopes(user.scope, this.settings.scope)
    }
    const previous = await this.getUser()
    if (previous?.profile.sub === claims.sub) {
      user.profile = { ...user.profile, ...pickDisplayClaims(previous.profile) }
    }
  }
}

/**
 * A code exchange answered without `scope` means "as requested" (RFC 6749 §5.1), and
 * oidc-client-ts fills in the request's scope. Granted scopes are read from the answer, never
 * assumed from the request: the sign-in scopes may be taken as granted (that is what the RFC says,
 * and the session needs them), but a feature's scope asked for incrementally is not, so no API call
 * is made on a grant the provider never stated. A refresh grant without `scope` keeps the earlier
 * grant (RFC 6749 §6), which the library already does.
 */
function keepSignInScopes(scope: string | undefined, signInScope: string): string {
  const signIn = new Set(signInScope.split(' '))
  return (scope ?? '')
    .split(' ')
    .filter((name) => signIn.has(name))
    .join(' ')
}

function readRequestType(stored: string | null): unknown {
  try {
    return (JSON.parse(stored ?? 'null') as { request_type?: unknown } | null)?.request_type
  } catch {
    return undefined
  }
}
