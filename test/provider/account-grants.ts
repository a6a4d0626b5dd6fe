import type { KoaContextWithOIDC } from 'oidc-provider'
import type Provider from 'oidc-provider'

/**
 * Each account's one grant to each client, like Google's record of what a person allowed an app:
 * it outlives the provider session (signing in as someone else and back keeps it) and ends when a
 * token of it is revoked (oidc-provider then destroys the whole grant, as Google revokes the grant).
 */
const grantIds = new Map<string, string>()
const keyOf = (accountId: string, clientId: string) => `${accountId} ${clientId}`

/** This account's grant to this client, or a new empty one. */
export async function findAccountGrant(
  provider: Provider,
  accountId: string,
  clientId: string,
): Promise<InstanceType<Provider['Grant']>> {
  const id = grantIds.get(keyOf(accountId, clientId))
  const grant = id === undefined ? undefined : await provider.Grant.find(id)
  return grant ?? new provider.Grant({ accountId, clientId })
}

/** Saves the grant and makes it the one this account's requests from this client resume with. */
export async function saveAccountGrant(grant: InstanceType<Provider['Grant']>): Promise<string> {
  const id = await grant.save()
  if (grant.accountId && grant.clientId) grantIds.set(keyOf(grant.accountId, grant.clientId), id)
  return id
}

/** Forgets every grant, so that each end-to-end test starts with nothing granted. */
export function forgetAccountGrants(): void {
  grantIds.clear()
}

/** oidc-provider's `loadExistingGrant`: the grant of the signed-in account, not of the session. */
export async function loadExistingGrant(ctx: KoaContextWithOIDC) {
  const accountId = ctx.oidc.session?.accountId
  if (!accountId || !ctx.oidc.client) return undefined
  const id = grantIds.get(keyOf(accountId, ctx.oidc.client.clientId))
  return id === undefined ? undefined : ctx.oidc.provider.Grant.find(id)
}
