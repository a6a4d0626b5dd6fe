import { createHash, randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { SigningKey } from '../provider/signing-key.ts'
import { findLiveToken, revokeGrant, type TokenState } from './access-tokens.ts'
import type { AuthorizationState } from './authorization-endpoint.ts'
import { GOOGLE_ACCOUNTS, PICTURE_PNG } from './google-account.ts'
import { formatTokenScope } from './grants.ts'
import { readForm, sendJson as sendJsonFrom } from './http-answers.ts'
import type { GoogleScenario } from './scenario.ts'
import { EXPIRES_IN, GOOGLE_ERRORS, type GoogleError } from './wire-format.ts'

export interface ApiState extends AuthorizationState, TokenState {
  clientSecret: string
  appOrigin: string
  key: SigningKey
}

const sendJson = (
  req: IncomingMessage,
  res: ServerResponse,
  state: ApiState,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) => {
  sendJsonFrom(req, res, state.appOrigin, status, body, headers)
}

const sendError = (
  req: IncomingMessage,
  res: ServerResponse,
  state: ApiState,
  [status, body]: GoogleError,
) => {
  sendJson(req, res, state, status, body)
}

const s256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url')
/** OIDC Core §3.1.3.6: the left half of the SHA-256 of the access token. */
const atHash = (token: string) =>
  createHash('sha256').update(token).digest().subarray(0, 16).toString('base64url')

/** POST https://oauth2.googleapis.com/token: Google's checks in Google's order, Google's shapes. */
export async function exchangeToken(
  req: IncomingMessage,
  res: ServerResponse,
  state: ApiState,
  scenario: GoogleScenario,
): Promise<void> {
  const form = await readForm(req)
  if (scenario.tokenError) {
    sendError(req, res, state, GOOGLE_ERRORS[scenario.tokenError])
    return
  }
  if (form.get('client_id') !== state.clientId) {
    sendError(req, res, state, GOOGLE_ERRORS.clientNotFound)
    return
  }
  const secret = form.get('client_secret')
  if (secret === null) {
    sendError(req, res, state, GOOGLE_ERRORS.clientSecretMissing)
    return
  }
  if (secret !== state.clientSecret) {
    sendError(req, res, state, GOOGLE_ERRORS.wrongSecret)
    return
  }
  const code = form.get('code') ?? ''
  const issued = state.codes.get(code)
  state.codes.delete(code) // one use, whatever happens next
  if (form.get('grant_type') !== 'authorization_code' || !issued) {
    sendError(req, res, state, GOOGLE_ERRORS.invalidGrant)
    return
  }
  if (form.get('redirect_uri') !== issued.redirectUri) {
    sendJson(req, res, state, 400, {
      error: 'redirect_uri_mismatch',
      error_description: 'Bad Request',
    })
    return
  }
  if (s256(form.get('code_verifier') ?? '') !== issued.codeChallenge) {
    sendError(req, res, state, GOOGLE_ERRORS.invalidGrant)
    return
  }
  const account = GOOGLE_ACCOUNTS.find(({ sub }) => sub === issued.sub)
  if (!account) {
    sendError(req, res, state, GOOGLE_ERRORS.invalidGrant)
    return
  }
  const accessToken = `ya29.a0${randomBytes(60).toString('base64url')}`
  state.accessTokens.set(accessToken, {
    expiresAt: Date.now() + EXPIRES_IN * 1000,
    sub: account.sub,
    scopes: new Set(issued.scopes),
  })
  const now = Math.floor(Date.now() / 1000)
  const claims: Record<string, unknown> = {
    iss: scenario.idTokenIssuer,
    azp: state.clientId,
    aud: state.clientId,
    sub: account.sub,
    ...(scenario.hostedDomain ? { hd: scenario.hostedDomain } : {}),
    email: account.email,
    email_verified: scenario.emailVerified,
    at_hash: atHash(accessToken),
    ...(issued.nonce ? { nonce: issued.nonce } : {}),
    name: account.name,
    picture: account.picture,
    given_name: account.given_name,
    family_name: account.family_name,
    iat: now,
    exp: now + EXPIRES_IN + 1,
  }
  sendJson(
    req,
    res,
    state,
    200,
    {
      access_token: accessToken,
      expires_in: EXPIRES_IN,
      scope: formatTokenScope(issued.scopes, scenario.extraGrantedScope),
      token_type: 'Bearer',
      id_token: state.key.sign(claims),
    },
    { Pragma: 'no-cache' },
  )
}

/** GET https://openidconnect.googleapis.com/v1/userinfo with `Authorization: Bearer`. */
export function userinfo(
  req: IncomingMessage,
  res: ServerResponse,
  state: ApiState,
  scenario: GoogleScenario,
): void {
  const token = findLiveToken(state, req.headers.authorization)
  const account = GOOGLE_ACCOUNTS.find(({ sub }) => sub === token?.sub)
  if (scenario.userinfo === 'unauthorized' || account === undefined) {
    const [status, body] = GOOGLE_ERRORS.userinfoUnauthorized
    sendJson(req, res, state, status, body, {
      'WWW-Authenticate': 'Bearer realm="https://accounts.google.com/", error="invalid_token"',
    })
    return
  }
  sendJson(req, res, state, 200, {
    sub: account.sub,
    name: account.name,
    given_name: account.given_name,
    family_name: account.family_name,
    picture: account.picture,
    email: account.email,
    email_verified: true,
    ...(scenario.hostedDomain ? { hd: scenario.hostedDomain } : {}),
  })
}

/**
 * POST https://oauth2.googleapis.com/revoke: 200 for a live token, 400 invalid_token otherwise.
 * A revocation ends the account's whole grant to the client (access-tokens.ts).
 */
export async function revoke(
  req: IncomingMessage,
  res: ServerResponse,
  state: ApiState,
  scenario: GoogleScenario,
): Promise<void> {
  const token = (await readForm(req)).get('token') ?? ''
  if (scenario.revocation === 'invalid_token' || !revokeGrant(state, token)) {
    sendError(req, res, state, GOOGLE_ERRORS.revokeInvalidToken)
    return
  }
  sendJson(req, res, state, 200, {})
}

/** GET https://www.googleapis.com/oauth2/v3/certs (never fetched by the app: listed for completeness). */
export function certs(req: IncomingMessage, res: ServerResponse, state: ApiState): void {
  const { kty, n, e, kid, alg, use } = state.key.jwk
  sendJson(req, res, state, 200, { keys: [{ kty, n, e, kid, alg, use }] })
}

/** GET https://lh3.googleusercontent.com/a/… : the account picture. */
export function picture(res: ServerResponse): void {
  res.writeHead(200, { 'Content-Type': 'image/png', 'Cache-Control': 'public, max-age=86400' })
  res.end(PICTURE_PNG)
}
