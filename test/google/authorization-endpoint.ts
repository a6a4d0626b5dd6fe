import { randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { GoogleScenario } from './scenario.ts'
import { GOOGLE_ACCOUNT } from './google-account.ts'
import { CALLBACK_SCOPE, renderGoogleErrorPage } from './wire-format.ts'

/** A code issued at the authorization endpoint, waiting for its exchange. */
export interface IssuedCode {
  clientId: string
  redirectUri: string
  codeChallenge: string
  nonce: string | undefined
}

export interface AuthorizationState {
  clientId: string
  redirectUris: string[]
  codes: Map<string, IssuedCode>
  /** Requests waiting on the account chooser, by id. */
  pending: Map<string, URLSearchParams>
  sessions: Set<string>
}

const SESSION_COOKIE = '__Secure-STANDIN-SID'
const random = (bytes: number) => randomBytes(bytes).toString('base64url')

function readSession(req: IncomingMessage, state: AuthorizationState): boolean {
  const cookies = req.headers.cookie ?? ''
  const match = new RegExp(`${SESSION_COOKIE}=([\\w-]+)`).exec(cookies)
  return match?.[1] !== undefined && state.sessions.has(match[1])
}

function sendHtml(res: ServerResponse, status: number, html: string, headers = {}): void {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', ...headers })
  res.end(html)
}

function redirectBack(
  res: ServerResponse,
  params: URLSearchParams,
  answer: Record<string, string>,
  scenario: GoogleScenario,
  headers: Record<string, string> = {},
): void {
  const target = new URL(params.get('redirect_uri') ?? '')
  const state = params.get('state')
  if (state !== null) target.searchParams.set('state', state)
  if (scenario.hasCallbackIss) target.searchParams.set('iss', 'https://accounts.google.com')
  for (const [name, value] of Object.entries(answer)) target.searchParams.set(name, value)
  res.writeHead(302, { Location: target.href, ...headers })
  res.end()
}

function issueCode(
  res: ServerResponse,
  params: URLSearchParams,
  state: AuthorizationState,
  scenario: GoogleScenario,
  headers: Record<string, string> = {},
): void {
  const code = `4/0A${random(48)}`
  state.codes.set(code, {
    clientId: params.get('client_id') ?? '',
    redirectUri: params.get('redirect_uri') ?? '',
    codeChallenge: params.get('code_challenge') ?? '',
    nonce: params.get('nonce') ?? undefined,
  })
  const answer: Record<string, string> = {
    code,
    scope: CALLBACK_SCOPE,
    authuser: '0',
    prompt: params.get('prompt') === 'none' ? 'none' : 'consent',
  }
  if (scenario.hostedDomain) answer.hd = scenario.hostedDomain
  redirectBack(res, params, answer, scenario, headers)
}

function renderAccountChooser(requestId: string): string {
  const action = `/o/oauth2/v2/auth/decide`
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign in - Google Accounts (stand-in)</title></head>
<body><main><h1>Choose an account</h1><p>to continue to the app. This is the test stand-in for Google.</p>
<p>${GOOGLE_ACCOUNT.name} · ${GOOGLE_ACCOUNT.email}</p>
<form method="get" action="${action}"><input type="hidden" name="request" value="${requestId}">
<button type="submit" name="choice" value="cancel">Cancel</button>
<button type="submit" name="choice" value="continue">Continue</button></form></main></body></html>`
}

/**
 * GET https://accounts.google.com/o/oauth2/v2/auth, as Google answers a browser app: its own error
 * page (no redirect) for an unknown client or an unregistered redirect URI; for `prompt=none`, a
 * code or `login_required` depending on the session cookie it receives; otherwise its account
 * chooser.
 */
export function authorize(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  state: AuthorizationState,
  scenario: GoogleScenario,
): void {
  const params = url.searchParams
  if (params.get('client_id') !== state.clientId) {
    sendHtml(res, 401, renderGoogleErrorPage('invalid_client', 'The OAuth client was not found.'))
    return
  }
  const redirectUri = params.get('redirect_uri') ?? ''
  if (scenario.redirectUris === 'not-registered' || !state.redirectUris.includes(redirectUri)) {
    sendHtml(
      res,
      400,
      renderGoogleErrorPage(
        'redirect_uri_mismatch',
        `You can’t sign in to this app because it doesn’t comply with Google’s OAuth 2.0 policy. Request details: redirect_uri=${redirectUri}`,
      ),
    )
    return
  }
  if (params.get('response_type') !== 'code' || params.get('code_challenge_method') !== 'S256') {
    redirectBack(res, params, { error: 'invalid_request' }, scenario)
    return
  }
  const isInIframe = req.headers['sec-fetch-dest'] === 'iframe'
  if (params.get('prompt') === 'none') {
    const hint = params.get('login_hint')
    const isHintForUs =
      hint === null || hint === GOOGLE_ACCOUNT.sub || hint === GOOGLE_ACCOUNT.email
    if (!readSession(req, state) || !isHintForUs) {
      redirectBack(res, params, { error: 'login_required' }, scenario)
      return
    }
    if (isInIframe && scenario.iframe === 'refuse-framing') {
      // Google needs the person: it shows a page, and forbids framing it.
      sendHtml(res, 200, '<!doctype html><title>Sign in</title><h1>Verify it’s you</h1>', {
        'X-Frame-Options': 'SAMEORIGIN',
      })
      return
    }
    if (isInIframe && scenario.iframe !== 'answer') {
      redirectBack(res, params, { error: scenario.iframe }, scenario)
      return
    }
    issueCode(res, params, state, scenario)
    return
  }
  const requestId = random(16)
  state.pending.set(requestId, params)
  sendHtml(res, 200, renderAccountChooser(requestId), { 'X-Frame-Options': 'SAMEORIGIN' })
}

/** The stand-in's own account chooser submits here: Continue signs in (sets the cookie), Cancel denies. */
export function decide(
  res: ServerResponse,
  url: URL,
  state: AuthorizationState,
  scenario: GoogleScenario,
): void {
  const params = state.pending.get(url.searchParams.get('request') ?? '')
  if (!params) {
    sendHtml(res, 400, renderGoogleErrorPage('invalid_request', 'This sign-in request expired.'))
    return
  }
  state.pending.delete(url.searchParams.get('request') ?? '')
  if (url.searchParams.get('choice') !== 'continue') {
    redirectBack(res, params, { error: 'access_denied' }, scenario)
    return
  }
  const session = random(24)
  state.sessions.add(session)
  issueCode(res, params, state, scenario, {
    'Set-Cookie': `${SESSION_COOKIE}=${session}; Path=/; Secure; HttpOnly; SameSite=None`,
  })
}
