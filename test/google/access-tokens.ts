/** What the stand-in remembers of each access token it issued, and of each account's grant. */
export interface IssuedToken {
  /** ms since the epoch */
  expiresAt: number
  sub: string
  /** Long forms: what the token may be used for, whatever the token response claimed. */
  scopes: ReadonlySet<string>
}

export interface TokenState {
  accessTokens: Map<string, IssuedToken>
  /** Per account (`sub`): every scope it has granted the one client, in long form. */
  grants: Map<string, Set<string>>
}

/** The live token of an `Authorization: Bearer …` header, if any. */
export function findLiveToken(
  state: TokenState,
  authorization: string | undefined,
): IssuedToken | undefined {
  const token = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1]
  const issued = token === undefined ? undefined : state.accessTokens.get(token)
  return issued !== undefined && issued.expiresAt > Date.now() ? issued : undefined
}

/**
 * Revoking one token revokes the whole grant, as Google does: every token of that account for
 * this client stops working, and the next request for a scope asks for consent again.
 */
export function revokeGrant(state: TokenState, token: string): boolean {
  const issued = state.accessTokens.get(token)
  if (issued === undefined || issued.expiresAt <= Date.now()) return false
  for (const [other, { sub }] of state.accessTokens) {
    if (sub === issued.sub) state.accessTokens.delete(other)
  }
  state.grants.delete(issued.sub)
  return true
}
