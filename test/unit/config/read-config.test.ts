import { describe, expect, it } from 'vitest'
import {
  readConfig,
  type ConfigEnv,
} from '../../../packages/static-signin/src/config/read-config.ts'

const googleClient = {
  VITE_OIDC_CLIENT_ID: '123-abc.apps.googleusercontent.com',
  VITE_OIDC_CLIENT_SECRET: 'GOCSPX-x',
}

describe('readConfig', () => {
  it('defaults to Google and the openid email profile scopes', () => {
    expect(readConfig(googleClient)).toEqual({
      ok: true,
      config: {
        issuer: 'https://accounts.google.com',
        clientId: '123-abc.apps.googleusercontent.com',
        clientSecret: 'GOCSPX-x',
        scope: 'openid email profile',
        isGoogle: true,
        useRefreshTokens: false,
        isLocalProvider: false,
      },
    })
  })

  it.each([
    ['http://127.0.0.1:4400', 'http://127.0.0.1:4400'],
    ['http://127.0.0.1:4400/', 'http://127.0.0.1:4400/'],
    ['https://tenant.example.com/realms/x/', 'https://tenant.example.com/realms/x/'],
  ])('keeps the issuer %s exactly as given (compared as an exact string)', (raw, issuer) => {
    const result = readConfig({
      VITE_OIDC_ISSUER: raw,
      VITE_OIDC_CLIENT_ID: 'local',
      VITE_LOCAL_PROVIDER: '1',
    })
    expect(result).toMatchObject({
      ok: true,
      config: { issuer, isGoogle: false, isLocalProvider: true, clientSecret: undefined },
    })
  })

  it("names the fix for Google's issuer written with a trailing slash", () => {
    const result = readConfig({
      VITE_OIDC_ISSUER: 'https://accounts.google.com/',
      VITE_OIDC_CLIENT_ID: 'x.apps.googleusercontent.com',
      VITE_OIDC_CLIENT_SECRET: 's',
    })
    expect(result.ok).toBe(false)
    const problems = result.ok ? [] : result.problems
    expect(problems.map((p) => p.variable)).toEqual(['VITE_OIDC_ISSUER'])
    expect(problems[0]?.message).toMatch(/no trailing slash/)
  })

  it.each<[string, ConfigEnv, string, RegExp]>([
    ['no client ID', {}, 'VITE_OIDC_CLIENT_ID', /not set/],
    ['a blank client ID', { VITE_OIDC_CLIENT_ID: '  ' }, 'VITE_OIDC_CLIENT_ID', /not set/],
    [
      'a client ID with spaces',
      { VITE_OIDC_ISSUER: 'https://id.example', VITE_OIDC_CLIENT_ID: 'a b' },
      'VITE_OIDC_CLIENT_ID',
      /spaces/,
    ],
    [
      'a non-Google client ID for Google',
      { ...googleClient, VITE_OIDC_CLIENT_ID: 'abc' },
      'VITE_OIDC_CLIENT_ID',
      /googleusercontent/,
    ],
    [
      'no secret for Google',
      { VITE_OIDC_CLIENT_ID: googleClient.VITE_OIDC_CLIENT_ID },
      'VITE_OIDC_CLIENT_SECRET',
      /visible to every visitor/,
    ],
    [
      'a relative issuer',
      { ...googleClient, VITE_OIDC_ISSUER: 'accounts.google.com' },
      'VITE_OIDC_ISSUER',
      /absolute URL/,
    ],
    [
      'a plain-http remote issuer',
      { ...googleClient, VITE_OIDC_ISSUER: 'http://id.example' },
      'VITE_OIDC_ISSUER',
      /https/,
    ],
    [
      'an issuer with a query',
      { ...googleClient, VITE_OIDC_ISSUER: 'https://id.example/?x=1' },
      'VITE_OIDC_ISSUER',
      /query/,
    ],
    [
      'a scope without openid',
      { ...googleClient, VITE_OIDC_SCOPE: 'email profile' },
      'VITE_OIDC_SCOPE',
      /openid/,
    ],
    [
      'a scope with double spaces',
      { ...googleClient, VITE_OIDC_SCOPE: 'openid  email' },
      'VITE_OIDC_SCOPE',
      /single spaces/,
    ],
    [
      'offline_access for Google',
      { ...googleClient, VITE_OIDC_SCOPE: 'openid offline_access' },
      'VITE_OIDC_SCOPE',
      /invalid_scope/,
    ],
  ])('reports %s', (_, env, variable, message) => {
    const result = readConfig(env)
    expect(result.ok).toBe(false)
    if (result.ok) return
    const problem = result.problems.find((p) => p.variable === variable)
    expect(problem?.message).toMatch(message)
  })

  it('lists every problem at once', () => {
    const result = readConfig({ VITE_OIDC_ISSUER: 'nope', VITE_OIDC_SCOPE: 'email' })
    expect(result.ok ? [] : result.problems.map((p) => p.variable)).toEqual([
      'VITE_OIDC_ISSUER',
      'VITE_OIDC_CLIENT_ID',
      'VITE_OIDC_SCOPE',
    ])
  })
})
