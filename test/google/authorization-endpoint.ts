import type { IncomingMessage, ServerResponse } from 'node:http'
import { findGoogleAccount, GOOGLE_ACCOUNTS } from './google-account.ts'
import { parseRequestedScopes, scopesToConsent } from './grants.ts'
import {
  random,
  readSessionId,
  redirectBack,
  SESSION_COOKIE,
  sendHtml,
  signedInAccounts,
  type AuthorizationState,
} from './authorization-state.ts'
import { continueAs, issueCode, showChooser } from './grant-flow.ts'
import type { GoogleScenario } from './scenario.ts'
import { renderGoogleErrorPage } from './wire-format.ts'

export type { AuthorizationState } from './authorization-state.ts'

/**
 * `prompt=none`: the hinted account must be signed in (`login_required`); without a hint, exactly
 * one account must be (`interaction_required` for several); every scope asked must be granted
 * already (`consent_required`).
 */
function answerWithoutUi(
  req: IncomingMessage,
  res: ServerResponse,
  params: URLSearchParams,
  state: AuthorizationState,
  scenario: GoogleScenario,
): void {
  const signedIn = signedInAccounts(req, state)
  const hint = params.get('login_hint')
  const candidates = GOOGLE_ACCOUNTS.filter(
    ({ sub, email }) => signedIn.has(sub) && (hint === null || hint === sub || hint === email),
  )
  const [account] = candidates
  if (account === undefined) {
    redirectBack(res, params, { error: 'login_required' }, scenario)
    return
  }
  if (candidates.length > 1) {
    redirectBack(res, params, { error: 'interaction_required' }, scenario)
    return
  }
  const isInIframe = req.headers['sec-fetch-dest'] === 'iframe'
  if (isInIframe && scenario.iframe === 'refuse-framing') {
    // Google needs the person: it shows a page, and forbids framing it.
    sendHtml(res, 200, '<!doctype html><title>Sign in</title><h1>Verify it’s you</h1>')
    return
  }
  if (isInIframe && scenario.iframe !== 'answer') {
    redirectBack(res, params, { error: scenario.iframe }, scenario)
    return
  }
  const requested = parseRequestedScopes(params.get('scope')).scopes
  if (scopesToConsent(requested, state.grants.get(account.sub) ?? new Set()).length > 0) {
    redirectBack(res, params, { error: 'consent_required' }, scenario)
    return
  }
  issueCode(res, params, account, [], state, scenario)
}

/**
 * GET https://accounts.google.com/o/oauth2/v2/auth, as Google answers a browser app: its own error
 * page (no redirect) for an unknown client, an unregistered redirect URI or an unknown scope; for
 * `prompt=none`, a code or an error, without UI; otherwise the account chooser, unless the request
 * hints at an account signed in here (and does not ask `select_account`), then consent if needed.
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
  const { unknown } = parseRequestedScopes(params.get('scope'))
  if (unknown.length > 0) {
    sendHtml(
      res,
      400,
      renderGoogleErrorPage('invalid_scope', 'Some requested scopes were invalid.'),
    )
    return
  }
  if (params.get('response_type') !== 'code' || params.get('code_challenge_method') !== 'S256') {
    redirectBack(res, params, { error: 'invalid_request' }, scenario)
    return
  }
  const prompts = (params.get('prompt') ?? '').split(' ')
  if (prompts.includes('none')) {
    answerWithoutUi(req, res, params, state, scenario)
    return
  }
  const hinted = findGoogleAccount(params.get('login_hint'))
  if (
    !prompts.includes('select_account') &&
    hinted &&
    signedInAccounts(req, state).has(hinted.sub)
  ) {
    continueAs(res, params, hinted, state, scenario)
    return
  }
  showChooser(res, params, state)
}

/** The account chooser submits here: Continue signs the checked account in here (the cookie), Cancel denies. */
export function decide(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  state: AuthorizationState,
  scenario: GoogleScenario,
): void {
  const requestId = url.searchParams.get('request') ?? ''
  const pending = state.pending.get(requestId)
  state.pending.delete(requestId)
  if (!pending || pending.sub !== undefined) {
    sendHtml(res, 400, renderGoogleErrorPage('invalid_request', 'This sign-in request expired.'))
    return
  }
  const account = GOOGLE_ACCOUNTS.find(({ sub }) => sub === url.searchParams.get('account'))
  if (url.searchParams.get('choice') !== 'continue' || !account) {
    redirectBack(res, pending.params, { error: 'access_denied' }, scenario)
    return
  }
  const session = readSessionId(req, state) ?? random(24)
  state.sessions.set(session, (state.sessions.get(session) ?? new Set()).add(account.sub))
  continueAs(res, pending.params, account, state, scenario, {
    'Set-Cookie': `${SESSION_COOKIE}=${session}; Path=/; Secure; HttpOnly; SameSite=None`,
  })
}

/** The consent screen submits here: Allow grants the ticked scopes it offered, Cancel denies. */
export function consent(
  res: ServerResponse,
  url: URL,
  state: AuthorizationState,
  scenario: GoogleScenario,
): void {
  const requestId = url.searchParams.get('request') ?? ''
  const pending = state.pending.get(requestId)
  state.pending.delete(requestId)
  const account = GOOGLE_ACCOUNTS.find(({ sub }) => sub === pending?.sub)
  if (!pending || !account) {
    sendHtml(res, 400, renderGoogleErrorPage('invalid_request', 'This sign-in request expired.'))
    return
  }
  if (url.searchParams.get('choice') !== 'allow') {
    redirectBack(res, pending.params, { error: 'access_denied' }, scenario)
    return
  }
  const ticked = url.searchParams.getAll('scope')
  const consented = (pending.offered ?? []).filter((scope) => ticked.includes(scope))
  issueCode(res, pending.params, account, consented, state, scenario)
}
