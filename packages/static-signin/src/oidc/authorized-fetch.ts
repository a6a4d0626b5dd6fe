import { describeGoogleApiError, GoogleApiError } from '../google/google-api-error.ts'
import { readErrorCode } from './auth-error.ts'
import { clip } from './describe-app-error.ts'

/** Where the access token comes from, and how to get a new one when the API refuses it. */
export interface AccessTokens {
  /** The token held now; `undefined` when there is no session. */
  read(): Promise<string | undefined>
  /** One renewal; resolves to the new token, or `undefined` when there is no session any more. */
  renew(): Promise<string | undefined>
}

export interface AuthorizedRequest {
  url: string
  tokens: AccessTokens
  /** Each attempt gives up after this long. */
  timeoutMs: number
  /** The caller's own cancellation (a page left, a session ended). */
  signal?: AbortSignal
}

interface Answer {
  response: Response
  /** The parsed JSON body; `undefined` when it is not JSON. */
  body: unknown
}

/**
 * One request and its body, aborted by the caller's signal or after `timeoutMs`, whichever comes
 * first: an answer whose headers arrive and whose body then stalls times out too.
 */
async function send(url: string, token: string, req: AuthorizedRequest): Promise<Answer> {
  req.signal?.throwIfAborted()
  const controller = new AbortController()
  const timer = setTimeout(() => {
    controller.abort(new DOMException('timed out', 'TimeoutError'))
  }, req.timeoutMs)
  const onAbort = () => {
    controller.abort(req.signal?.reason)
  }
  req.signal?.addEventListener('abort', onAbort)
  try {
    // Bearer in the header, never in the URL (RFC 6750 §2.1, §5.3); no cookies: Google's CORS
    // answer does not allow them, and the API needs none.
    const response = await fetch(url, {
      headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
      signal: controller.signal,
    })
    return { response, body: await readJson(response, controller.signal) }
  } catch (error: unknown) {
    if (req.signal?.aborted) throw error // the caller's own cancellation: theirs to ignore
    if (controller.signal.reason instanceof DOMException) {
      throw new GoogleApiError(
        'timeout',
        'Google did not answer in time.',
        `No answer within ${String(req.timeoutMs / 1000)} s.`,
      )
    }
    throw new GoogleApiError('network', 'Google could not be reached. Check your connection.')
  } finally {
    clearTimeout(timer)
    req.signal?.removeEventListener('abort', onAbort)
  }
}

async function readJson(response: Response, signal: AbortSignal): Promise<unknown> {
  const contentType = response.headers.get('Content-Type') ?? ''
  if (!/^application\/json\b/i.test(contentType)) return undefined
  try {
    return (await response.json()) as unknown
  } catch (error: unknown) {
    if (signal.aborted) throw error // timed out or cancelled while the body was arriving
    return undefined
  }
}

/**
 * The session's token, read or renewed. A renewal that fails (the provider wants the person, or
 * did not answer) is the session's problem, not the connection's, and is worded so; the API's own
 * errors, and a session that ended meanwhile (`superseded`), pass unchanged.
 */
async function obtain(step: () => Promise<string | undefined>): Promise<string> {
  let token: string | undefined
  try {
    token = await step()
  } catch (error: unknown) {
    if (error instanceof GoogleApiError || readErrorCode(error) === 'superseded') throw error
    const { message } = (error ?? {}) as { message?: unknown }
    const code = readErrorCode(error) ?? (error as { error?: unknown } | null)?.error
    throw new GoogleApiError(
      'renewal_failed',
      'Your session needs to be renewed, and renewing it did not work. Use Renew now, or sign in again.',
      clip([code, message].filter((part) => typeof part === 'string').join(': ')) || undefined,
    )
  }
  return requireToken(token)
}

function requireToken(token: string | undefined): string {
  if (token === undefined || token === '') {
    throw new GoogleApiError('no_session', 'Sign in to use this feature.')
  }
  return token
}

/**
 * GETs a Google API with the session's access token and returns the parsed JSON body of a 2xx
 * answer; the caller checks its shape. The token goes in the `Authorization: Bearer` header only
 * (RFC 6750 §2.1): a URL that carries it is refused before anything is sent. Every attempt is
 * time-boxed. A 401 means the token is no longer accepted (revoked, expired early): one renewal,
 * then one retry; a second 401 is an error, never a loop.
 * @throws GoogleApiError — `scope_missing` for Google's 403 insufficient-scope answer (see
 *   {@link describeGoogleApiError}), `bad_response` for a 2xx that is not JSON.
 */
export async function fetchAuthorized(req: AuthorizedRequest): Promise<unknown> {
  let token = await obtain(() => req.tokens.read())
  let { response, body } = await sendChecked(req, token)
  if (response.status === 401) {
    token = await obtain(() => req.tokens.renew())
    ;({ response, body } = await sendChecked(req, token))
  }
  if (!response.ok) throw describeGoogleApiError(response.status, body)
  if (body === undefined) {
    throw new GoogleApiError(
      'bad_response',
      'Google’s answer could not be read.',
      `HTTP ${String(response.status)} with Content-Type "${response.headers.get('Content-Type') ?? 'none'}", not JSON.`,
    )
  }
  return body
}

function sendChecked(req: AuthorizedRequest, token: string): Promise<Answer> {
  if (req.url.includes(token) || req.url.includes(encodeURIComponent(token))) {
    // A programming error, not a state: a token in a URL ends up in logs and histories.
    throw new Error('Refused: the request URL carries the access token.')
  }
  return send(req.url, token, req)
}
