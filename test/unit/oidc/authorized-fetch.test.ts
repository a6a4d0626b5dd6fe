import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  fetchAuthorized,
  type AccessTokens,
} from '../../../packages/static-signin/src/oidc/authorized-fetch.ts'
import { CALENDAR_ERRORS } from '../../google/wire-format.ts'
import { stubFetchThatNeverAnswers } from '../stub-fetch.ts'

const URL_ = 'https://www.googleapis.com/calendar/v3/calendars/primary/events?maxResults=5'
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=UTF-8' },
  })
// Google's answers, as the stand-in sends them (sourced in docs/google-wire-format.md).
const { unauthenticated: UNAUTHENTICATED, insufficientScope: INSUFFICIENT } = CALENDAR_ERRORS

/** Tokens at-1, then at-2 after a renewal. */
function tokens(): AccessTokens & { renewals: number } {
  const source = {
    renewals: 0,
    current: 'at-1',
    read: () => Promise.resolve(source.current),
    renew: () => {
      source.renewals += 1
      source.current = `at-${String(source.renewals + 1)}`
      return Promise.resolve(source.current)
    },
  }
  return source
}

/** Answers each call with the next response; records each request's URL and headers. */
function stubAnswers(...answers: Response[]) {
  const calls: { url: string; init: RequestInit }[] = []
  vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
    calls.push({ url, init })
    const next = answers.shift()
    return next ? Promise.resolve(next) : Promise.reject(new TypeError('no more answers'))
  })
  return calls
}
const authorizationOf = (call: { init: RequestInit }) =>
  new Headers(call.init.headers).get('Authorization')

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('fetchAuthorized', () => {
  it('sends the token as a Bearer header only, never in the URL, and returns the JSON', async () => {
    const calls = stubAnswers(json(200, { items: [] }))
    await expect(
      fetchAuthorized({ url: URL_, tokens: tokens(), timeoutMs: 1000 }),
    ).resolves.toEqual({ items: [] })
    expect(calls).toHaveLength(1)
    expect(calls[0]?.url).toBe(URL_)
    expect(calls[0]?.url).not.toContain('at-1')
    expect(calls.map(authorizationOf)).toEqual(['Bearer at-1'])
    expect(calls[0]?.init.credentials).toBe('omit')
    expect(calls[0]?.init.signal).toBeInstanceOf(AbortSignal)
  })

  it('on a 401 renews once and retries once with the new token', async () => {
    const source = tokens()
    const calls = stubAnswers(json(401, UNAUTHENTICATED), json(200, { items: [] }))
    await expect(fetchAuthorized({ url: URL_, tokens: source, timeoutMs: 1000 })).resolves.toEqual({
      items: [],
    })
    expect(source.renewals).toBe(1)
    expect(calls.map(authorizationOf)).toEqual(['Bearer at-1', 'Bearer at-2'])
  })

  it('after a second 401 gives up with "unauthorized": one renewal, two requests, no loop', async () => {
    const source = tokens()
    const calls = stubAnswers(json(401, UNAUTHENTICATED), json(401, UNAUTHENTICATED), json(200, {}))
    await expect(
      fetchAuthorized({ url: URL_, tokens: source, timeoutMs: 1000 }),
    ).rejects.toMatchObject({
      code: 'unauthorized',
      httpStatus: 401,
    })
    expect(source.renewals).toBe(1)
    expect(calls).toHaveLength(2)
  })

  it('a 401, then after the one renewal and retry a 403 for insufficient scopes: "scope_missing", one renewal, two requests', async () => {
    const source = tokens()
    const calls = stubAnswers(json(401, UNAUTHENTICATED), json(403, INSUFFICIENT), json(200, {}))
    await expect(
      fetchAuthorized({ url: URL_, tokens: source, timeoutMs: 1000 }),
    ).rejects.toMatchObject({ code: 'scope_missing', httpStatus: 403 })
    expect(source.renewals).toBe(1)
    expect(calls.map(authorizationOf)).toEqual(['Bearer at-1', 'Bearer at-2'])
  })

  it('a renewal after a 401 that fails says the session needs renewing, not the connection', async () => {
    const calls = stubAnswers(json(401, UNAUTHENTICATED), json(200, {}))
    const failing: AccessTokens = {
      read: () => Promise.resolve('at-1'),
      renew: () =>
        Promise.reject(Object.assign(new Error('Login required'), { error: 'login_required' })),
    }
    const error = await fetchAuthorized({ url: URL_, tokens: failing, timeoutMs: 1000 }).catch(
      (e: unknown) => e,
    )
    expect(error).toMatchObject({
      name: 'GoogleApiError',
      code: 'renewal_failed',
      detail: 'login_required: Login required',
    })
    expect((error as Error).message).toMatch(/session needs to be renewed.*sign in again/)
    expect((error as Error).message).not.toMatch(/connection/i)
    expect(calls).toHaveLength(1)
  })

  it('a session that ended during the renewal stays "superseded", for the caller to ignore', async () => {
    stubAnswers(json(401, UNAUTHENTICATED))
    const ended: AccessTokens = {
      read: () => Promise.resolve('at-1'),
      renew: () => Promise.reject(Object.assign(new Error('signed out'), { code: 'superseded' })),
    }
    await expect(
      fetchAuthorized({ url: URL_, tokens: ended, timeoutMs: 1000 }),
    ).rejects.toMatchObject({ code: 'superseded' })
  })

  it('turns Google’s 403 for insufficient scopes into "scope_missing", without renewing', async () => {
    const source = tokens()
    stubAnswers(json(403, INSUFFICIENT))
    await expect(
      fetchAuthorized({ url: URL_, tokens: source, timeoutMs: 1000 }),
    ).rejects.toMatchObject({
      code: 'scope_missing',
    })
    expect(source.renewals).toBe(0)
  })

  it('refuses a 200 in HTML as "bad_response", its body never read as anything but text', async () => {
    stubAnswers(
      new Response('<h1>Oops</h1><img src=x onerror="document.title=\'pwned\'">', {
        status: 200,
        headers: { 'Content-Type': 'text/html' },
      }),
    )
    const error = await fetchAuthorized({ url: URL_, tokens: tokens(), timeoutMs: 1000 }).catch(
      (e: unknown) => e,
    )
    // Its body is never read: neither the sentence nor the detail carries any of it.
    expect(error).toMatchObject({
      code: 'bad_response',
      message: 'Google’s answer could not be read.',
      detail: 'HTTP 200 with Content-Type "text/html", not JSON.',
    })
  })

  it('refuses a body that claims JSON but is not', async () => {
    stubAnswers(
      new Response('{not json', { status: 200, headers: { 'Content-Type': 'application/json' } }),
    )
    await expect(
      fetchAuthorized({ url: URL_, tokens: tokens(), timeoutMs: 1000 }),
    ).rejects.toMatchObject({
      code: 'bad_response',
    })
  })

  it('gives up after the time-out with "timeout"', async () => {
    stubFetchThatNeverAnswers()
    await expect(
      fetchAuthorized({ url: URL_, tokens: tokens(), timeoutMs: 20 }),
    ).rejects.toMatchObject({
      code: 'timeout',
    })
  })

  it('times out an answer whose headers came and whose body then stalls', async () => {
    // As fetch does: the body's stream fails when the request's signal aborts.
    vi.stubGlobal('fetch', (_url: string, init: RequestInit) => {
      const body = new ReadableStream({
        start(stream) {
          stream.enqueue(new TextEncoder().encode('{"items": ['))
          init.signal?.addEventListener('abort', () => {
            stream.error(new DOMException('aborted', 'AbortError'))
          })
        },
      })
      return Promise.resolve(
        new Response(body, { status: 200, headers: { 'Content-Type': 'application/json' } }),
      )
    })
    await expect(
      fetchAuthorized({ url: URL_, tokens: tokens(), timeoutMs: 20 }),
    ).rejects.toMatchObject({ code: 'timeout' })
  })

  it('reports a network failure as "network"', async () => {
    stubAnswers()
    await expect(
      fetchAuthorized({ url: URL_, tokens: tokens(), timeoutMs: 1000 }),
    ).rejects.toMatchObject({
      code: 'network',
    })
  })

  it('without a session sends nothing and says so', async () => {
    const calls = stubAnswers(json(200, {}))
    const none: AccessTokens = {
      read: () => Promise.resolve(undefined),
      renew: () => Promise.resolve(undefined),
    }
    await expect(
      fetchAuthorized({ url: URL_, tokens: none, timeoutMs: 1000 }),
    ).rejects.toMatchObject({
      code: 'no_session',
    })
    expect(calls).toHaveLength(0)
  })

  it('refuses a URL that carries the token, before sending anything', async () => {
    const calls = stubAnswers(json(200, {}))
    await expect(
      fetchAuthorized({ url: `${URL_}&access_token=at-1`, tokens: tokens(), timeoutMs: 1000 }),
    ).rejects.toThrow(/carries the access token/)
    expect(calls).toHaveLength(0)
  })

  it('stops when the caller aborts, with the caller’s reason', async () => {
    stubFetchThatNeverAnswers()
    const controller = new AbortController()
    const request = fetchAuthorized({
      url: URL_,
      tokens: tokens(),
      timeoutMs: 10_000,
      signal: controller.signal,
    })
    controller.abort(new Error('left the page'))
    await expect(request).rejects.toThrow('left the page')
  })
})
