import { OidcClient } from 'oidc-client-ts'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createUserManager } from '../../../packages/static-signin/src/oidc/create-user-manager.ts'
import { CALENDAR_EVENTS_SCOPE } from '../../../packages/static-signin/src/google/scopes.ts'
import {
  arriveWithCallback,
  installFakeProvider,
  ISSUER,
  makeIdToken,
  redirectUris,
  testConfig,
  validClaims,
} from '../fake-provider.ts'

const newManager = () => createUserManager(testConfig, redirectUris, { session: sessionStorage })

/** The authorization request URLs the library builds; each request is stopped before it is sent. */
function captureAuthorizationRequests(): URL[] {
  const urls: URL[] = []
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with its own `this`
  const create = OidcClient.prototype.createSigninRequest
  vi.spyOn(OidcClient.prototype, 'createSigninRequest').mockImplementation(async function (
    this: OidcClient,
    args,
  ) {
    const request = await create.call(this, args)
    urls.push(new URL(request.url))
    throw new Error('stopped before navigating')
  })
  return urls
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('every authorization request keeps the scopes granted before', () => {
  it('a sign-in, a silent renewal and an incremental request all send include_granted_scopes=true', async () => {
    installFakeProvider('n')
    const urls = captureAuthorizationRequests()
    const manager = newManager()
    await expect(manager.signinRedirect()).rejects.toThrow('stopped')
    await expect(manager.signinSilent({ login_hint: 'sub-1' })).rejects.toThrow('stopped')
    await expect(
      manager.signinRedirect({
        scope: `openid email profile ${CALENDAR_EVENTS_SCOPE}`,
        login_hint: 'sub-1',
      }),
    ).rejects.toThrow('stopped')
    await expect(manager.signinRedirect({ prompt: 'select_account' })).rejects.toThrow('stopped')
    expect(urls).toHaveLength(4)
    for (const url of urls) {
      expect(url.origin).toBe(ISSUER)
      expect(url.searchParams.get('include_granted_scopes')).toBe('true')
      // The same checks as any sign-in: PKCE, state, nonce.
      expect(url.searchParams.get('code_challenge_method')).toBe('S256')
      expect(url.searchParams.get('state')).toBeTruthy()
      expect(url.searchParams.get('nonce')).toBeTruthy()
    }
    expect(urls[1]?.searchParams.get('prompt')).toBe('none')
    expect(urls[1]?.searchParams.get('scope')).toBe('openid email profile')
    expect(urls[2]?.searchParams.get('scope')).toBe(`openid email profile ${CALENDAR_EVENTS_SCOPE}`)
    expect(urls[2]?.searchParams.get('login_hint')).toBe('sub-1')
    expect(urls[3]?.searchParams.get('prompt')).toBe('select_account')
    expect(urls[3]?.searchParams.get('login_hint')).toBeNull()
  })
})

describe('granted scopes are read from the token response, never assumed from the request', () => {
  const answer = (nonce: string, scope: string | undefined) =>
    installFakeProvider(nonce, {
      token: (n) =>
        Response.json({
          access_token: 'at-1',
          token_type: 'Bearer',
          expires_in: 3599,
          ...(scope === undefined ? {} : { scope }),
          id_token: makeIdToken(validClaims(n)),
        }),
    })

  it('keeps the scope the provider says it granted, the calendar among them', async () => {
    answer('n1', `openid email ${CALENDAR_EVENTS_SCOPE}`)
    await arriveWithCallback('n1')
    const user = await newManager().signinCallback()
    expect(user?.scopes).toEqual(['openid', 'email', CALENDAR_EVENTS_SCOPE])
  })

  it('an answer without scope to a request that asked for the calendar grants the sign-in scopes only', async () => {
    answer('n2', undefined)
    await arriveWithCallback('n2', undefined, '/', `openid email profile ${CALENDAR_EVENTS_SCOPE}`)
    const user = await newManager().signinCallback()
    expect(user?.scopes).toEqual(['openid', 'email', 'profile'])
  })
})
