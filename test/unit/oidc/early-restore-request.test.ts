import { describe, expect, it } from 'vitest'
import { authErrorOf } from '../auth-error-of.ts'
import { createUserManager } from '../../../packages/static-signin/src/oidc/create-user-manager.ts'
import { EARLY_RESTORE_REQUEST_TYPE } from '../../../packages/static-signin/src/oidc/secure-user-manager.ts'
import {
  installFakeProvider,
  ISSUER,
  pendingSignIns,
  redirectUris,
  SUBJECT,
  testConfig,
} from '../fake-provider.ts'

// The early restore's request and answer with the real SecureUserManager (issue 22): made by
// oidc-client-ts, kept apart from the library's own silent attempts, redeemed with every check.

const newManager = () => createUserManager(testConfig, redirectUris, { session: sessionStorage })
const tokenCalls = (calls: string[][]) => calls.filter(([, url]) => url === `${ISSUER}/token`)

/** The request's nonce, as the state store keeps it (the fake provider puts it in the ID token). */
function nonceOf(state: string): string {
  return (JSON.parse(sessionStorage.getItem(`oidc.${state}`) ?? '{}') as { nonce: string }).nonce
}

describe('the early restore request', () => {
  it('asks for the account silently, for the renewal page, with PKCE and a nonce; discarding silent attempts spares it', async () => {
    installFakeProvider('unused')
    const manager = newManager()
    const { url, state } = await manager.createEarlyRestoreRequest(SUBJECT)
    const params = new URL(url).searchParams
    expect(url.startsWith(`${ISSUER}/auth?`)).toBe(true)
    expect(params.get('prompt')).toBe('none')
    expect(params.get('login_hint')).toBe(SUBJECT)
    expect(params.get('redirect_uri')).toBe(redirectUris.silentRenew)
    expect(params.get('code_challenge_method')).toBe('S256')
    expect(params.get('state')).toBe(state)
    expect(params.get('nonce')).toBe(nonceOf(state))
    expect(JSON.parse(sessionStorage.getItem(`oidc.${state}`) ?? '{}')).toMatchObject({
      request_type: EARLY_RESTORE_REQUEST_TYPE,
    })
    await manager.discardPendingSignins('si:s') // what every silent attempt does after it ends
    expect(pendingSignIns()).toEqual([`oidc.${state}`])
    await manager.discardPendingSignin(state)
    expect(pendingSignIns()).toEqual([])
  })

  it('redeems a good answer once: the user is stored, the request is spent', async () => {
    installFakeProvider('unused')
    const manager = newManager()
    const { state } = await manager.createEarlyRestoreRequest(SUBJECT)
    const calls = installFakeProvider(nonceOf(state))
    const answer = `${redirectUris.silentRenew}?code=c&state=${state}&iss=${encodeURIComponent(ISSUER)}`
    const user = await manager.signinSilentWith(Promise.resolve(answer))
    expect(user.profile.sub).toBe(SUBJECT)
    expect((await manager.getUser())?.access_token).toBe('at-1')
    expect(tokenCalls(calls)).toHaveLength(1)
    expect(pendingSignIns()).toEqual([])
    await expect(manager.signinSilentWith(Promise.resolve(answer))).rejects.toThrow(/state/i)
    expect(tokenCalls(calls)).toHaveLength(1) // a replayed answer redeems nothing
  })

  it('refuses an answer from another issuer before redeeming its code, and forgets the request', async () => {
    installFakeProvider('unused')
    const manager = newManager()
    const { state } = await manager.createEarlyRestoreRequest(SUBJECT)
    const calls = installFakeProvider(nonceOf(state))
    const answer = `${redirectUris.silentRenew}?code=c&state=${state}&iss=https%3A%2F%2Fevil.example`
    const error = await authErrorOf(manager.signinSilentWith(Promise.resolve(answer)))
    expect(error.code).toBe('issuer_mismatch')
    expect(tokenCalls(calls)).toHaveLength(0)
    expect(await manager.getUser()).toBeNull()
    expect(pendingSignIns()).toEqual([])
  })
})
