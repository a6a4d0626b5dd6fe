import { User } from 'oidc-client-ts'
import { describe, expect, it, vi } from 'vitest'
import { authErrorOf } from '../auth-error-of.ts'
import { createUserManager } from '../../../packages/static-signin/src/oidc/create-user-manager.ts'
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

const NONCE = 'nonce-123'
const newManager = () => createUserManager(testConfig, redirectUris, { session: sessionStorage })
const requested = (calls: string[][], path: string) =>
  calls.filter(([, url]) => url === `${ISSUER}${path}`)

describe('SecureUserManager', () => {
  it('redeems the code and stores a user who shows the validated ID token’s claims, asking userinfo nothing yet', async () => {
    const calls = installFakeProvider(NONCE)
    await arriveWithCallback(NONCE)
    const manager = newManager()
    const user = await manager.signinCallback()

    expect(user?.profile.email).toBe('id@example.com') // from the ID token
    expect(user?.profile.sub).toBe(SUBJECT)
    expect(requested(calls, '/token')).toHaveLength(1)
    expect(requested(calls, '/userinfo')).toHaveLength(0) // the session keeper asks it next
    expect((await manager.getUser())?.access_token).toBe('at-1')
    expect(window.location.search).toBe('')
    expect(pendingSignIns()).toEqual([])
  })

  it('rejects an iss from another provider before redeeming the code, and forgets the request', async () => {
    const calls = installFakeProvider(NONCE)
    await arriveWithCallback(NONCE, (state) => ({ code: 'c', state, iss: 'https://evil.example' }))
    const error = await authErrorOf(newManager().signinCallback())
    expect(error.code).toBe('issuer_mismatch')
    expect(requested(calls, '/token')).toHaveLength(0)
    expect(pendingSignIns()).toEqual([])
    expect(window.location.search).toBe('')
  })

  it.each([
    ['another issuer', { iss: 'https://evil.example' }, /issued by/],
    ['another audience', { aud: 'someone-else' }, /aud/],
    ['an expired token', { exp: Math.floor(Date.now() / 1000) - 3600 }, /expired/],
    ['no iat', { iat: undefined }, /iat/],
  ])(
    'rejects an ID token with %s, calls no userinfo and stores no user',
    async (_, overrides, detail) => {
      const calls = installFakeProvider(NONCE, {
        idToken: (n) => makeIdToken(validClaims(n, overrides)),
      })
      await arriveWithCallback(NONCE)
      const manager = newManager()
      const error = await authErrorOf(manager.signinCallback())
      expect(error.detail).toMatch(detail)
      expect(requested(calls, '/userinfo')).toHaveLength(0)
      expect(await manager.getUser()).toBeNull()
    },
  )

  it.each([
    ['a wrong nonce', 'other-nonce'],
    ['no nonce', undefined],
  ])(
    'rejects an ID token with %s (enforced by the library because a nonce is always sent)',
    async (_, nonce) => {
      const calls = installFakeProvider(NONCE, {
        idToken: () => makeIdToken(validClaims('x', { nonce })),
      })
      await arriveWithCallback(NONCE)
      const manager = newManager()
      await expect(manager.signinCallback()).rejects.toThrow(/nonce/)
      expect(requested(calls, '/userinfo')).toHaveLength(0)
      expect(await manager.getUser()).toBeNull()
    },
  )

  it('returns no claims from userinfo that belongs to another subject', async () => {
    installFakeProvider(NONCE, {
      userinfo: () =>
        new Response(JSON.stringify({ sub: 'someone-else', name: 'Mallory' }), {
          headers: { 'Content-Type': 'application/json' },
        }),
    })
    await arriveWithCallback(NONCE)
    const manager = newManager()
    const user = await manager.signinCallback()
    if (!user) throw new Error('no user')
    const error = await authErrorOf(manager.fetchDisplayClaims(user))
    expect(error.code).toBe('userinfo_subject_mismatch')
    expect((await manager.getUser())?.profile.name).toBeUndefined()
  })

  it('keeps the userinfo of the same subject when tokens are renewed, without fetching it again', async () => {
    const calls = installFakeProvider(NONCE)
    const manager = newManager()
    const confirm = async () => {
      const user = await manager.getUser()
      if (user) await manager.replaceProfile(user, await manager.fetchDisplayClaims(user))
    }
    const issue = (token: string) =>
      new User({
        access_token: token,
        token_type: 'Bearer',
        id_token: makeIdToken(validClaims(NONCE, { jti: token })),
        profile: { sub: SUBJECT, iss: ISSUER, aud: 'x', exp: 0, iat: 0 },
      })
    await manager.storeUser(issue('first'))
    await confirm() // as the session keeper does after a new session
    await manager.storeUser(issue('second'))
    expect(requested(calls, '/userinfo')).toHaveLength(1)
    expect((await manager.getUser())?.profile.email).toBe('ada@example.com')
  })

  it.each([
    ['no ID token at all', undefined],
    ['the same ID token again, now expired', 'expired'],
  ])('admits no user with %s: the ID token checks run on every store', async (_, kind) => {
    const calls = installFakeProvider(NONCE)
    const manager = newManager()
    const stale = makeIdToken(validClaims(NONCE, { exp: Math.floor(Date.now() / 1000) - 3600 }))
    const error = await authErrorOf(
      manager.storeUser(
        new User({
          access_token: 'at',
          token_type: 'Bearer',
          id_token: kind === 'expired' ? stale : undefined,
          profile: {} as User['profile'],
        }),
      ),
    )
    expect(error.code).toBe('id_token_invalid')
    expect(requested(calls, '/userinfo')).toHaveLength(0)
    expect(await manager.getUser()).toBeNull()
  })

  it.each([
    ['a scope without openid and no ID token', { scope: 'email', id_token: undefined }],
    ['expires_in 0', { expires_in: 0 }],
    ['an absurd expires_in', { expires_in: 10 ** 9 }],
    ['token_type N_A', { token_type: 'N_A' }],
  ])(
    'rejects a sign-in whose token response has %s: no userinfo, no user, no state left',
    async (_, changes) => {
      const calls = installFakeProvider(NONCE, {
        token: (n) =>
          new Response(
            JSON.stringify({
              access_token: 'at-1',
              token_type: 'Bearer',
              expires_in: 3599,
              scope: 'openid email profile',
              id_token: makeIdToken(validClaims(n)),
              ...changes,
            }),
            { headers: { 'Content-Type': 'application/json' } },
          ),
      })
      await arriveWithCallback(NONCE)
      const manager = newManager()
      const error = await authErrorOf(manager.signinCallback())
      expect(error.code).toBe('token_response_invalid')
      expect(requested(calls, '/userinfo')).toHaveLength(0)
      expect(await manager.getUser()).toBeNull()
      expect(pendingSignIns()).toEqual([])
      expect(window.location.search).toBe('')
    },
  )

  it('gives a token response without expires_in the default lifetime of an hour', async () => {
    installFakeProvider(NONCE, {
      token: (n) =>
        new Response(
          JSON.stringify({
            access_token: 'at-1',
            token_type: 'Bearer',
            id_token: makeIdToken(validClaims(n)),
          }),
          { headers: { 'Content-Type': 'application/json' } },
        ),
    })
    await arriveWithCallback(NONCE)
    const user = await newManager().signinCallback()
    expect(user?.expires_in).toBeGreaterThan(3590)
    expect(user?.expires_in).toBeLessThanOrEqual(3600)
  })

  it('refuses to start a sign-in when discovery names another issuer', async () => {
    installFakeProvider(NONCE)
    const realFetch = globalThis.fetch
    vi.stubGlobal('fetch', async (input: string, init?: RequestInit) =>
      input.endsWith('/openid-configuration')
        ? new Response(
            JSON.stringify({
              issuer: 'https://evil.example',
              authorization_endpoint: 'https://evil.example/auth',
            }),
            { headers: { 'Content-Type': 'application/json' } },
          )
        : realFetch(input, init),
    )
    const error = await authErrorOf(newManager().signinRedirect())
    expect(error.code).toBe('discovery_invalid')
    expect(pendingSignIns()).toEqual([])
  })
})
