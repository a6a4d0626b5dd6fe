import { describe, expect, it, vi } from 'vitest'
import { authErrorOf } from '../auth-error-of.ts'
import { stubFetchThatNeverAnswers } from '../stub-fetch.ts'
import { fetchUserInfo } from '../../../packages/static-signin/src/oidc/fetch-userinfo.ts'

const request = {
  endpoint: 'https://id.example/userinfo',
  accessToken: 'at',
  expectedSubject: '42',
  timeoutMs: 50,
}

function answer(response: Response | Promise<Response>) {
  const fetchMock = vi.fn(() => Promise.resolve(response))
  vi.stubGlobal('fetch', fetchMock)
  return fetchMock
}

const failure = () => authErrorOf(fetchUserInfo(request))

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  })

describe('fetchUserInfo', () => {
  it('never lets an absent subject match an absent one, and sends nothing', async () => {
    const fetchMock = answer(json({ email: 'mallory@evil.example' }))
    const error = await authErrorOf(
      fetchUserInfo({ ...request, expectedSubject: undefined as unknown as string }),
    )
    expect(error.code).toBe('no_session')
    expect(fetchMock).not.toHaveBeenCalled()
  })

  it('sends the token as a Bearer header without credentials and returns the claims', async () => {
    const fetchMock = answer(json({ sub: '42', email: 'a@b.c' }))
    await expect(fetchUserInfo(request)).resolves.toEqual({ sub: '42', email: 'a@b.c' })
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe(request.endpoint)
    expect(init.headers).toMatchObject({ Authorization: 'Bearer at' })
    expect(init.credentials).toBe('omit')
  })

  it.each([
    ['another subject', json({ sub: '43' }), 'userinfo_subject_mismatch'],
    ['no subject', json({ email: 'a@b.c' }), 'userinfo_subject_mismatch'],
    [
      'HTML with status 200',
      new Response('<h1>hi</h1>', { headers: { 'Content-Type': 'text/html' } }),
      'userinfo_failed',
    ],
    [
      'broken JSON',
      new Response('{', { headers: { 'Content-Type': 'application/json' } }),
      'userinfo_failed',
    ],
    ['a JSON array', json([{ sub: '42' }]), 'userinfo_failed'],
    ['HTTP 500', json({ error: 'server_error' }, 500), 'userinfo_failed'],
    ['HTTP 401', new Response('', { status: 401 }), 'userinfo_unauthorized'],
  ])('rejects %s', async (_, response, code) => {
    answer(response)
    expect((await failure()).code).toBe(code)
  })

  it('gives up after the timeout and says the provider did not answer', async () => {
    stubFetchThatNeverAnswers()
    const error = await failure()
    expect(error.code).toBe('timeout')
    expect(error.message).toMatch(/did not answer/)
  })

  it('reports a network failure', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')))
    expect((await failure()).code).toBe('userinfo_failed')
  })
})
