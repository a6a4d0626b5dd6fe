import { describe, expect, it } from 'vitest'
import { createUserManager } from '../../../packages/static-signin/src/oidc/create-user-manager.ts'
import {
  arriveWithCallback,
  installFakeProvider,
  ISSUER,
  redirectUris,
  testConfig,
} from '../fake-provider.ts'

const NONCE = 'nonce-cache'
const DISCOVERY = `${ISSUER}/.well-known/openid-configuration`
const discoveries = (calls: string[][]) => calls.filter(([, url]) => url === DISCOVERY)
const newManager = (config = testConfig) =>
  createUserManager(config, redirectUris, { session: sessionStorage })

describe('discovery kept for the callback page', () => {
  it('a callback after the sign-in started in this tab redeems the code without fetching discovery', async () => {
    const calls = installFakeProvider(NONCE)
    await newManager().prepare() // the sign-in's start, before the redirect
    expect(discoveries(calls)).toHaveLength(1)
    await arriveWithCallback(NONCE)

    const user = await newManager().signinCallback() // the page the provider sent the person to
    expect(user?.profile.sub).toBeDefined()
    expect(discoveries(calls)).toHaveLength(1)
  })

  it('a kept document for another issuer is ignored: discovery is fetched and checked again', async () => {
    const calls = installFakeProvider(NONCE)
    sessionStorage.setItem(
      `static-signin.metadata:${ISSUER}`,
      JSON.stringify({ issuer: 'https://evil.example', token_endpoint: 'https://evil.example/t' }),
    )
    await newManager().prepare()
    expect(discoveries(calls)).toHaveLength(1)
  })

  it('a kept document is checked like a fetched one', async () => {
    installFakeProvider(NONCE)
    sessionStorage.setItem(`static-signin.metadata:${ISSUER}`, 'not json')
    await expect(newManager().prepare()).resolves.toMatchObject({ issuer: ISSUER })
  })

  it('keeps nothing for Google, whose discovery is embedded', async () => {
    const calls = installFakeProvider(NONCE)
    const google = { ...testConfig, isGoogle: true, issuer: 'https://accounts.google.com' }
    await newManager(google).prepare()
    expect(calls).toEqual([])
    expect(Object.keys(sessionStorage)).toEqual([])
  })
})
