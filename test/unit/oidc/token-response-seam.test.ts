import { OidcClient, User } from 'oidc-client-ts'
import { describe, expect, it } from 'vitest'
import { createUserManager } from '../../../packages/static-signin/src/oidc/create-user-manager.ts'
import { interceptTokenResponses } from '../../../packages/static-signin/src/oidc/token-response-seam.ts'
import { authErrorOf } from '../auth-error-of.ts'
import {
  arriveWithCallback,
  installFakeProvider,
  ISSUER,
  makeIdToken,
  redirectUris,
  SUBJECT,
  testConfig,
  validClaims,
  pendingSignIns,
} from '../fake-provider.ts'

// These tests run the real oidc-client-ts flows: they fail when the pinned library moves the
// members that token-response-seam.ts wraps, instead of letting unchecked responses through.
const NONCE = 'nonce-seam'
const json = (body: unknown) =>
  new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } })
const requested = (calls: string[][], path: string) =>
  calls.filter(([, url]) => url === `${ISSUER}${path}`)

describe('the token response seam in oidc-client-ts', () => {
  it('checks the code exchange of a sign-in before the library reads it', async () => {
    const calls = installFakeProvider(NONCE, {
      token: () => json({ access_token: 'at', token_type: 'Bearer', expires_in: 3600 }),
    })
    await arriveWithCallback(NONCE)
    const manager = createUserManager(testConfig, redirectUris, { session: sessionStorage })
    const error = await authErrorOf(manager.signinCallback())
    expect(error.code).toBe('token_response_invalid')
    expect(requested(calls, '/userinfo')).toHaveLength(0)
    expect(await manager.getUser()).toBeNull()
    expect(pendingSignIns()).toEqual([])
  })

  it('checks the refresh grant of a renewal, and keeps the session as it was', async () => {
    let tokenResponse: Record<string, unknown> = {}
    installFakeProvider(NONCE, { token: () => json(tokenResponse) })
    const config = { ...testConfig, useRefreshTokens: true }
    const manager = createUserManager(config, redirectUris, { session: sessionStorage })
    const current = new User({
      access_token: 'at-1',
      token_type: 'Bearer',
      refresh_token: 'rt-1',
      scope: 'openid email profile',
      id_token: makeIdToken(validClaims(NONCE)),
      profile: { sub: SUBJECT, iss: ISSUER, aud: 'x', exp: 0, iat: 0 },
      expires_at: Math.floor(Date.now() / 1000) + 60,
    })
    await manager.storeUser(current)
    // A refresh response without an ID token: the library alone would keep the old one.
    tokenResponse = { access_token: 'at-2', token_type: 'Bearer', expires_in: 3600 }
    const error = await authErrorOf(manager.signinSilent())
    expect(error.code).toBe('token_response_invalid')
    expect((await manager.getUser())?.access_token).toBe('at-1')
  })

  it('still routes the callback through _signinEnd, where the authorization response is checked', async () => {
    // SecureUserManager overrides this protected method: if the pinned library stops calling it,
    // a tampered `iss` would reach the token endpoint, and this test goes red.
    const calls = installFakeProvider(NONCE)
    await arriveWithCallback(NONCE, (state) => ({ code: 'c', state, iss: 'https://evil.example' }))
    const manager = createUserManager(testConfig, redirectUris, { session: sessionStorage })
    const error = await authErrorOf(manager.signinCallback())
    expect(error.code).toBe('issuer_mismatch')
    expect(requested(calls, '/token')).toHaveLength(0)
  })

  it('refuses to run on a library without the members it wraps', () => {
    expect(() => {
      interceptTokenResponses(
        Object.create(null) as OidcClient,
        (response) => response as Record<string, unknown>,
      )
    }).toThrow(/oidc-client-ts changed/)
    const client = new OidcClient({ authority: ISSUER, client_id: 'c', redirect_uri: 'https://a/' })
    expect(() => {
      interceptTokenResponses(client, (response) => response as Record<string, unknown>)
    }).not.toThrow()
  })
})
