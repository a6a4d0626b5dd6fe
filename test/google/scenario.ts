import type { GOOGLE_ERRORS } from './wire-format.ts'

/** How the Google stand-in behaves right now; tests switch it through its control port. */
export interface GoogleScenario {
  /** `iss` of ID tokens: Google's current form, or the older one without scheme. */
  idTokenIssuer: 'https://accounts.google.com' | 'accounts.google.com'
  /** Google has been seen sending the string "true". */
  emailVerified: true | 'true'
  /** Workspace accounts carry `hd`; consumer accounts (null) do not. */
  hostedDomain: string | null
  /** Whether the redirect back carries RFC 9207 `iss` (Google sends it for some users). */
  hasCallbackIss: boolean
  /**
   * What `prompt=none` inside an iframe gets, when the browser did send Google's cookies:
   * an answer, one of Google's errors, or a 200 page that refuses framing (X-Frame-Options).
   */
  iframe:
    'answer' | 'login_required' | 'interaction_required' | 'consent_required' | 'refuse-framing'
  /** `not-registered`: the app's redirect URIs are missing from the client (a console mistake). */
  redirectUris: 'registered' | 'not-registered'
  /** The token endpoint answers every code exchange with this recorded error. */
  tokenError: keyof typeof GOOGLE_ERRORS | undefined
  revocation: 'ok' | 'invalid_token'
  userinfo: 'ok' | 'unauthorized'
  /**
   * The Calendar API: Google's checks (`ok`), or 401 once and then those checks, 401 or 403 on
   * every call, a 200 in HTML or of the wrong shape, or no answer for a minute.
   */
  calendar:
    'ok' | 'unauthorized-once' | 'unauthorized' | 'insufficient' | 'html' | 'wrong-shape' | 'slow'
  /** Hostile: a scope the token response's `scope` adds although nobody asked for or granted it. */
  extraGrantedScope: string | undefined
}

export const DEFAULT_GOOGLE_SCENARIO: GoogleScenario = {
  idTokenIssuer: 'https://accounts.google.com',
  emailVerified: true,
  hostedDomain: 'example.com',
  hasCallbackIss: true,
  iframe: 'answer',
  redirectUris: 'registered',
  tokenError: undefined,
  revocation: 'ok',
  userinfo: 'ok',
  calendar: 'ok',
  extraGrantedScope: undefined,
}
