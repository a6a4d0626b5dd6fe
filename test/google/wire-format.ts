/**
 * Google's answers as recorded in docs/google-wire-format.md (each with its source there). The
 * stand-in sends exactly these; change them only together with that page.
 */

/** The hosts the Google build talks to; the browser resolves each to the stand-in. */
export const GOOGLE_HOSTS = [
  'accounts.google.com',
  'oauth2.googleapis.com',
  'openidconnect.googleapis.com',
  'www.googleapis.com',
  'lh3.googleusercontent.com',
] as const

/** What Google grants for `email` and `profile`: the long forms, in this order, `openid` as is. */
export const GRANTED_SCOPE =
  'https://www.googleapis.com/auth/userinfo.profile https://www.googleapis.com/auth/userinfo.email openid'

/** The scope parameter of Google's redirect back (space-separated; the URL encodes it with `+`). */
export const CALLBACK_SCOPE =
  'email profile https://www.googleapis.com/auth/userinfo.email openid https://www.googleapis.com/auth/userinfo.profile'

/** The one non-sign-in scope the stand-in grants: the app's "Your next events". */
export const CALENDAR_SCOPE = 'https://www.googleapis.com/auth/calendar.events.readonly'

/** `expires_in` of every access token: one second short of the hour. */
export const EXPIRES_IN = 3599

export interface GoogleErrorBody {
  error: string
  error_description: string
}
export type GoogleError = readonly [status: number, body: GoogleErrorBody]

/** Error answers of the token, userinfo and revocation endpoints, byte for byte as recorded. */
export const GOOGLE_ERRORS = {
  clientSecretMissing: [
    400,
    { error: 'invalid_request', error_description: 'client_secret is missing.' },
  ],
  clientNotFound: [
    401,
    { error: 'invalid_client', error_description: 'The OAuth client was not found.' },
  ],
  wrongSecret: [401, { error: 'invalid_client', error_description: 'Unauthorized' }],
  invalidGrant: [400, { error: 'invalid_grant', error_description: 'Bad Request' }],
  userinfoUnauthorized: [
    401,
    { error: 'invalid_request', error_description: 'Invalid Credentials' },
  ],
  revokeInvalidToken: [
    400,
    { error: 'invalid_token', error_description: 'Token expired or revoked' },
  ],
} as const satisfies Record<string, GoogleError>

/** Google's own error page at accounts.google.com; it never redirects back to the app. */
export function renderGoogleErrorPage(code: string, explanation: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Error 400 (OAuth2 Error)</title></head>
<body><main><h1>Access blocked: This app’s request is invalid</h1>
<p>${explanation}</p><p><strong>Error 400: ${code}</strong></p></main></body></html>`
}

/** RFC 6750 §3 challenges, with the realm Google's APIs send. */
export const API_CHALLENGES = {
  invalidToken: 'Bearer realm="https://accounts.google.com/", error="invalid_token"',
  // The scopes that would allow the call (RFC 6750 §3): four that Events: list accepts.
  insufficientScope: `Bearer realm="https://accounts.google.com/", error="insufficient_scope", scope="${CALENDAR_SCOPE} https://www.googleapis.com/auth/calendar.events https://www.googleapis.com/auth/calendar.readonly https://www.googleapis.com/auth/calendar"`,
} as const

/** Google's API error model (google.rpc.Status in JSON, with the legacy `errors` list). */
export const CALENDAR_ERRORS = {
  unauthenticated: {
    error: {
      code: 401,
      message:
        'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
      errors: [
        {
          message: 'Invalid Credentials',
          domain: 'global',
          reason: 'authError',
          location: 'Authorization',
          locationType: 'header',
        },
      ],
      status: 'UNAUTHENTICATED',
    },
  },
  insufficientScope: {
    error: {
      code: 403,
      message: 'Request had insufficient authentication scopes.',
      errors: [
        { message: 'Insufficient Permission', domain: 'global', reason: 'insufficientPermissions' },
      ],
      status: 'PERMISSION_DENIED',
      details: [
        {
          '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
          reason: 'ACCESS_TOKEN_SCOPE_INSUFFICIENT',
          domain: 'googleapis.com',
          metadata: { service: 'calendar-json.googleapis.com', method: 'calendar.v3.Events.List' },
        },
      ],
    },
  },
} as const

/** The hostile `html` calendar scenario: markup that runs script if a client renders it as HTML. */
export const HOSTILE_HTML = `<h1>Oops</h1><img src=x onerror="document.title='pwned'">`
