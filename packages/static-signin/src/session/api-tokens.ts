import type { User } from 'oidc-client-ts'
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

/**
 * The access tokens of the session held now, for one API call: bound to the generation and the
 * account it started with. A sign-out, an expiry or another account since then ends the call
 * (`superseded`) rather than let it run on with another session's token.
 */
export function lendAccessTokens(host: ApiTokensHost): AccessTokens {
  const generation = host.readGeneration()
  let sub: string | undefined
  const current = async (): Promise<User | undefined> => {
    const user = await host.manager.getUser()
    if (!host.isLive(generation)) throw createSupersededError()
    if (!user) return undefined
    sub ??= user.profile.sub
    if (user.profile.sub !== sub) throw createSupersededError()
    return user
  }
  return {
    read: async () => (await current())?.access_token,
    renew: async () => {
      const user = await current()
      if (!user) return undefined
      await host.renew(user)
      return (await current())?.access_token
    },
  }
}
