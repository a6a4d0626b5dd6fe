/** How a request with a settled account ends: Google's consent screen if needed, then a code. */
import type { ServerResponse } from 'node:http'
import { ADA, findGoogleAccount, GOOGLE_ACCOUNTS, type GoogleAccount } from './google-account.ts'
import { renderAccountChooser, renderConsent } from './google-pages.ts'
import {
  formatCallbackScope,
  parseRequestedScopes,
  scopesOfToken,
  scopesToConsent,
} from './grants.ts'
import { random, redirectBack, sendHtml, type AuthorizationState } from './authorization-state.ts'
import type { GoogleScenario } from './scenario.ts'

/** Records what this request grants (sign-in scopes and any consented ones), then redirects with a code. */
export function issueCode(
  res: ServerResponse,
  params: URLSearchParams,
  account: GoogleAccount,
  consented: readonly string[],
  state: AuthorizationState,
  scenario: GoogleScenario,
  headers: Record<string, string> = {},
): void {
  const requested = parseRequestedScopes(params.get('scope'))
  const granted = state.grants.get(account.sub) ?? new Set<string>()
  for (const scope of scopesOfToken(requested.scopes, new Set(consented), false)) granted.add(scope)
  state.grants.set(account.sub, granted)
  const scopes = scopesOfToken(
    requested.scopes,
    granted,
    params.get('include_granted_scopes') === 'true',
  )
  const code = `4/0A${random(48)}`
  state.codes.set(code, {
    clientId: params.get('client_id') ?? '',
    redirectUri: params.get('redirect_uri') ?? '',
    codeChallenge: params.get('code_challenge') ?? '',
    nonce: params.get('nonce') ?? undefined,
    sub: account.sub,
    scopes,
  })
  const answer: Record<string, string> = {
    code,
    scope: formatCallbackScope(requested.shortForms, scopes),
    authuser: '0',
    prompt: params.get('prompt') === 'none' ? 'none' : 'consent',
  }
  if (scenario.hostedDomain) answer.hd = scenario.hostedDomain
  redirectBack(res, params, answer, scenario, headers)
}

/** With an account settled: Google's consent screen if a scope still needs it, else the code. */
export function continueAs(
  res: ServerResponse,
  params: URLSearchParams,
  account: GoogleAccount,
  state: AuthorizationState,
  scenario: GoogleScenario,
  headers: Record<string, string> = {},
): void {
  const requested = parseRequestedScopes(params.get('scope')).scopes
  const prompts = (params.get('prompt') ?? '').split(' ')
  const granted = state.grants.get(account.sub) ?? new Set<string>()
  const offered = scopesToConsent(requested, granted, prompts.includes('consent'))
  if (offered.length === 0) {
    issueCode(res, params, account, [], state, scenario, headers)
    return
  }
  const requestId = random(16)
  state.pending.set(requestId, { params, sub: account.sub, offered })
  sendHtml(res, 200, renderConsent(requestId, account, offered), headers)
}

export function showChooser(
  res: ServerResponse,
  params: URLSearchParams,
  state: AuthorizationState,
): void {
  const requestId = random(16)
  state.pending.set(requestId, { params })
  const checked = findGoogleAccount(params.get('login_hint')) ?? ADA
  sendHtml(res, 200, renderAccountChooser(requestId, GOOGLE_ACCOUNTS, checked.sub))
}
