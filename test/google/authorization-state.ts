/** What the stand-in's authorization endpoint keeps between requests, and how it answers. */
import { randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { GoogleScenario } from './scenario.ts'

/** A code issued at the authorization endpoint, waiting for its exchange. */
export interface IssuedCode {
  clientId: string
  redirectUri: string
  codeChallenge: string
  nonce: string | undefined
  sub: string
  /** What the token will carry, in long form. */
  scopes: string[]
}

/** A request waiting on a page: the chooser (no account yet) or the consent screen. */
export interface PendingRequest {
  params: URLSearchParams
  sub?: string
  /** What the consent screen offered: only these can be granted by its answer. */
  offered?: string[]
}

export interface AuthorizationState {
  clientId: string
  redirectUris: string[]
  codes: Map<string, IssuedCode>
  pending: Map<string, PendingRequest>
  /** Google's sign-in cookie: the accounts signed in in that browser. */
  sessions: Map<string, Set<string>>
  grants: Map<string, Set<string>>
}

export const SESSION_COOKIE = '__Secure-STANDIN-SID'
export const random = (bytes: number) => randomBytes(bytes).toString('base64url')

export function readSessionId(req: IncomingMessage, state: AuthorizationState): string | undefined {
  const match = new RegExp(`${SESSION_COOKIE}=([\\w-]+)`).exec(req.headers.cookie ?? '')
  return match?.[1] !== undefined && state.sessions.has(match[1]) ? match[1] : undefined
}

export const signedInAccounts = (req: IncomingMessage, state: AuthorizationState) =>
  state.sessions.get(readSessionId(req, state) ?? '') ?? new Set<string>()

export function sendHtml(res: ServerResponse, status: number, html: string, headers = {}): void {
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'X-Frame-Options': 'SAMEORIGIN',
    ...headers,
  })
  res.end(html)
}

export function redirectBack(
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
