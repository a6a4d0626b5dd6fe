import type { User } from 'oidc-client-ts'
import { hasGrantedScope } from '../google/granted-scopes.ts'
import { createScopeMissingError } from '../google/google-api-error.ts'
import type { AccessTokens } from '../oidc/authorized-fetch.ts'
import type { Generation } from './generation.ts'
import type { KeptManager } from './kept-manager.ts'
import { createSupersededError } from './superseded.ts'

/** What lending the session's tokens to an API call needs from the session's owner. */
export interface ApiTokensHost {
  manager: Pick<KeptManager, 'getUser'>
  readGeneration(): Generation
  isLive(generation: Generation): boolean
  /** One silent renewal of this tab's own session (the same as "Renew now"). */
  renew(user: User): Promise<void>
}

/** What one API call needs its token to be: of this account, granting this scope. */
export interface TokenNeed {
  /**
   * The scope the API requires (Google's long form, as the feature asks for it): without it in the
   * grant, no token is lent. None: the sign-in scopes suffice.
   */
  scope?: string | undefined
  /** The account the call is made for: the one the page showed when it was started. */
  sub: string
}

/** At or past its expiry (`expires_at`, as the renewal schedule reads it), or without one. */
function isExpired(user: User): boolean {
  return (user.expires_at ?? 0) * 1000 <= Date.now()
}

/**
 * The access token of the session held now, for one API call: bound to the generation and the
 * account it started with, and lent only when it can be used. A sign-out, an expiry or another
 * account since then ends the call (`superseded`) rather than let it run on with another
 * session's token. The scope is checked here, not only by the page: a token whose granted scopes
 * (the token response's `scope`, never the request's) lack `need.scope` is never sent
 * (`scope_missing`, which the page turns into its offer to ask again), nor is an expired one: it
 * is renewed first, and when renewal brings none that is still valid, there is no session to lend.
 */
export function lendAccessTokens(host: ApiTokensHost, need: TokenNeed): AccessTokens {
  const generation = host.readGeneration()
  const current = async (): Promise<User | undefined> => {
    const user = await host.manager.getUser()
    if (!host.isLive(generation)) throw createSupersededError()
    if (!user) return undefined
    if (user.profile.sub !== need.sub) throw createSupersededError()
    return user
  }
  const lend = (user: User | undefined): string | undefined => {
    if (!user || isExpired(user)) return undefined
    if (need.scope !== undefined && !hasGrantedScope(user.scopes, need.scope, [need.scope])) {
      throw createScopeMissingError(`The session’s access does not include ${need.scope}.`)
    }
    return user.access_token
  }
  const renew = async (): Promise<string | undefined> => {
    const user = await current()
    if (!user) return undefined
    await host.renew(user)
    return lend(await current())
  }
  return {
    read: async () => {
      const user = await current()
      return user && isExpired(user) ? renew() : lend(user)
    },
    renew,
  }
}
