/**
 * What went wrong calling a Google API, in terms the app can explain:
 * - `scope_missing`: the token lacks the scope (403 `insufficientPermissions` /
 *   `ACCESS_TOKEN_SCOPE_INSUFFICIENT`): the person can be asked again;
 * - `unauthorized`: 401 even after one renewal and one retry;
 * - `api_error`: any other error answer in Google's shape, or any other HTTP error;
 * - `bad_response`: a success that is not the JSON the API documents (HTML, wrong shape);
 * - `timeout`, `network`: no answer; `no_session`: no token to call with;
 * - `renewal_failed`: the token had to be renewed (a 401, or it had expired) and renewing failed:
 *   the session, not the connection, needs the person (Renew now, or sign in again);
 * - `url_refused`: not sent at all: the access token goes only to the API origin (api-url.ts).
 */
export type GoogleApiErrorCode =
  | 'scope_missing'
  | 'unauthorized'
  | 'api_error'
  | 'bad_response'
  | 'timeout'
  | 'network'
  | 'no_session'
  | 'renewal_failed'
  | 'url_refused'

/** The parts of Google's error body (`{"error":{code,message,status,errors[],details[]}}`) kept. */
export interface GoogleErrorBody {
  code: number | undefined
  status: string | undefined
  message: string | undefined
  reasons: string[]
}

/** A failed Google API call; `message` is a sentence for a person, `detail` the technical part. */
export class GoogleApiError extends Error {
  override readonly name = 'GoogleApiError'
  readonly code: GoogleApiErrorCode
  readonly httpStatus: number | undefined
  readonly detail: string | undefined

  constructor(code: GoogleApiErrorCode, message: string, detail?: string, httpStatus?: number) {
    super(message)
    this.code = code
    this.detail = detail
    this.httpStatus = httpStatus
  }
}

/** The token lacks the scope: Google said so (403), or the session saw it first (api-tokens.ts). */
export function createScopeMissingError(detail: string, httpStatus?: number): GoogleApiError {
  return new GoogleApiError(
    'scope_missing',
    'This feature needs access that was not granted.',
    detail,
    httpStatus,
  )
}

const SCOPE_REASONS = new Set(['insufficientPermissions', 'ACCESS_TOKEN_SCOPE_INSUFFICIENT'])

function readString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}

function readReasons(list: unknown): string[] {
  if (!Array.isArray(list)) return []
  return list.flatMap((item: unknown) => {
    const reason = readString((item as { reason?: unknown } | null)?.reason)
    return reason === undefined ? [] : [reason]
  })
}

/**
 * Reads Google's API error shape (https://cloud.google.com/apis/design/errors#http_mapping and the
 * older `errors[].reason`), tolerating any part missing; `undefined` when the body is not that shape.
 */
export function readGoogleErrorBody(body: unknown): GoogleErrorBody | undefined {
  const error = (body as { error?: unknown } | null)?.error
  if (typeof error !== 'object' || error === null || Array.isArray(error)) return undefined
  const fields = error as Record<string, unknown>
  return {
    code: typeof fields.code === 'number' ? fields.code : undefined,
    status: readString(fields.status),
    message: readString(fields.message),
    reasons: [...readReasons(fields.errors), ...readReasons(fields.details)],
  }
}

/** Turns an error answer (status not 2xx, body already parsed or `undefined`) into a typed error. */
export function describeGoogleApiError(httpStatus: number, body: unknown): GoogleApiError {
  const parsed = readGoogleErrorBody(body)
  const detail = [
    `HTTP ${String(httpStatus)}`,
    parsed?.status,
    parsed?.reasons.length ? parsed.reasons.join(', ') : undefined,
    parsed?.message,
  ]
    .filter(Boolean)
    .join(' · ')
  if (httpStatus === 403 && parsed?.reasons.some((reason) => SCOPE_REASONS.has(reason))) {
    return createScopeMissingError(detail, httpStatus)
  }
  if (httpStatus === 401) {
    return new GoogleApiError(
      'unauthorized',
      'Google did not accept this session’s access, even after renewing it.',
      detail,
      httpStatus,
    )
  }
  return new GoogleApiError(
    'api_error',
    'Google could not answer this request.',
    detail,
    httpStatus,
  )
}
