import { describe, expect, it, vi } from 'vitest'
import { revokeToken } from '../../../packages/static-signin/src/oidc/revoke-token.ts'
import { authErrorOf } from '../auth-error-of.ts'
import { stubFetchThatNeverAnswers } from '../stub-fetch.ts'

const request = {
  endpoint: 'https://id.example/revoke',
  token: 'at-1',
  tokenTypeHint: 'access_token' as const,
  clientId: 'client',
  clientSecret: 'public-secret',
  timeoutMs: 50,
}

describe('revokeToken', () => {
  it('posts the token with the client credentials and accepts a 200 whatever its body (RFC 7009 §2.2)', async () => {
    const fetchMock = vi.fn(() =>
      Promise.resolve(new Response('', { status: 200, headers: { 'Content-Type': 'text/plain' } })),
    )
    vi.stubGlobal('fetch', fetchMock)
    await expect(revokeToken(request)).resolves.toBeUndefined()
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe(request.endpoint)
    expect(Object.fromEntries(init.body as URLSearchParams)).toEqual({
      token: 'at-1',
      token_type_hint: 'access_token',
      client_id: 'client',
      client_secret: 'public-secret',
    })
  })

  it.each([
    [400, '{}'],
    [400, '{"error":"invalid_request"}'],
    [400, 'not json'],
    [503, '{"error":"invalid_token"}'],
  ])('fails on HTTP %i with %s', async (status, body) => {
    vi.stubGlobal('fetch', () => Promise.resolve(new Response(body, { status })))
    await expect(revokeToken(request)).rejects.toThrow(`HTTP ${status}`)
  })

  it("accepts Google's 400 invalid_token: the token is already expired or revoked", async () => {
    const body = '{"error":"invalid_token","error_description":"Token expired or revoked"}'
    vi.stubGlobal('fetch', () => Promise.resolve(new Response(body, { status: 400 })))
    await expect(revokeToken(request)).resolves.toBeUndefined()
  })

  it('gives up after the timeout', async () => {
    stubFetchThatNeverAnswers()
    expect((await authErrorOf(revokeToken(request))).code).toBe('timeout')
  })
})
