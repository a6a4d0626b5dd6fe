/**
 * The local provider on its own, driven with hand-built authorization requests: its account
 * chooser, its granular consent screen, include_granted_scopes and its Calendar endpoint behave as
 * Google's do (the app's own walk through them is in its specs).
 */
import { createHash, randomBytes } from 'node:crypto'
import type { APIRequestContext, Page } from '@playwright/test'
import { LOCAL_CLIENT_ID, LOCAL_CLIENT_SECRET } from '../provider/local-client.ts'
import { SECOND_USER, TEST_USER } from '../provider/test-user.ts'
import { expect, test } from './fixtures.ts'
import { APP_ORIGIN, PROVIDER_ORIGIN } from './ports.ts'

const CAL = 'https://www.googleapis.com/auth/calendar.events.readonly'
const SIGN_IN = 'openid email profile'
const REDIRECT_URI = `${APP_ORIGIN}/`
const EVENTS = `${PROVIDER_ORIGIN}/calendar/v3/calendars/primary/events`

interface Authorization {
  verifier: string
  /** Resolves with the redirect back to the app, once the provider sends the browser there. */
  callback: Promise<URL>
}

/** Opens a hand-built authorization request (PKCE, as the app sends it); the app is not loaded. */
async function authorize(
  page: Page,
  scope: string,
  extra: Record<string, string> = {},
): Promise<Authorization> {
  const verifier = randomBytes(32).toString('base64url')
  const url = new URL(`${PROVIDER_ORIGIN}/auth`)
  const params = {
    client_id: LOCAL_CLIENT_ID,
    redirect_uri: REDIRECT_URI,
    response_type: 'code',
    scope,
    state: randomBytes(8).toString('hex'),
    nonce: randomBytes(8).toString('hex'),
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
    ...extra,
  }
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value)
  // The redirect back is read, and the app kept from running, so that only this test redeems the
  // code (a route sees the first request of a redirect chain only, so it cannot answer it).
  await page.unrouteAll()
  await page.route(
    (target) => target.origin === APP_ORIGIN,
    (route) => route.abort(),
  )
  const callback = page
    .waitForRequest(
      (request) => new URL(request.url()).origin === APP_ORIGIN && request.isNavigationRequest(),
    )
    .then((request) => new URL(request.url()))
  await page.goto(url.href)
  return { verifier, callback }
}

interface TokenResponse {
  access_token: string
  id_token: string
  scope: string
}

async function redeem(request: APIRequestContext, authorization: Authorization) {
  const callback = await authorization.callback
  const code = callback.searchParams.get('code')
  expect(code, `the provider redirected back with a code: ${callback.href}`).toBeTruthy()
  const response = await request.post(`${PROVIDER_ORIGIN}/token`, {
    form: {
      grant_type: 'authorization_code',
      code: code ?? '',
      code_verifier: authorization.verifier,
      redirect_uri: REDIRECT_URI,
      client_id: LOCAL_CLIENT_ID,
      client_secret: LOCAL_CLIENT_SECRET,
    },
  })
  expect(response.status()).toBe(200)
  const tokens = (await response.json()) as TokenResponse
  const claims = JSON.parse(
    Buffer.from(tokens.id_token.split('.')[1] ?? '', 'base64url').toString(),
  ) as { email: string }
  return { ...tokens, scopes: tokens.scope.split(' ').sort(), email: claims.email }
}

const GOOGLE_SIGN_IN = [
  'https://www.googleapis.com/auth/userinfo.email',
  'https://www.googleapis.com/auth/userinfo.profile',
  'openid',
]
const WITH_CALENDAR = [...GOOGLE_SIGN_IN, CAL].sort()

async function signIn(page: Page, request: APIRequestContext, account: string = TEST_USER.name) {
  const authorization = await authorize(page, SIGN_IN, { include_granted_scopes: 'true' })
  await expect(page.getByRole('heading', { name: 'Choose an account' })).toBeVisible()
  await page.getByRole('radio', { name: new RegExp(account) }).check()
  await page.getByRole('button', { name: 'Continue' }).click()
  return redeem(request, authorization)
}

/** Asks for the Calendar scope as the app's "Your next events" does; ends on the consent page. */
async function askForCalendar(page: Page, loginHint: string = TEST_USER.sub) {
  const authorization = await authorize(page, `${SIGN_IN} ${CAL}`, {
    include_granted_scopes: 'true',
    login_hint: loginHint,
  })
  await expect(
    page.getByRole('heading', { name: 'Static Sign-in wants access to your Google Account' }),
  ).toBeVisible()
  return authorization
}

const listEvents = (request: APIRequestContext, token: string) =>
  request.get(`${EVENTS}?timeMin=${new Date().toISOString()}&singleEvents=true&orderBy=startTime`, {
    headers: { Authorization: `Bearer ${token}`, Origin: APP_ORIGIN },
  })

test('the chooser lists both accounts with Ada checked, and signs in the one chosen', async ({
  page,
  request,
}) => {
  await authorize(page, SIGN_IN)
  await expect(page.getByRole('radio')).toHaveCount(2)
  await expect(
    page.getByRole('radio', { name: `${TEST_USER.name} ${TEST_USER.email}` }),
  ).toBeChecked()
  await expect(
    page.getByRole('radio', { name: `${SECOND_USER.name} ${SECOND_USER.email}` }),
  ).not.toBeChecked()

  const grace = await signIn(page, request, SECOND_USER.name)
  expect(grace.email).toBe(SECOND_USER.email)
  expect(grace.scopes).toEqual(GOOGLE_SIGN_IN)
})

test('an unticked scope is not granted, and is asked for again next time', async ({
  page,
  request,
}) => {
  const first = await signIn(page, request)
  expect((await listEvents(request, first.access_token)).status()).toBe(403)

  const refused = await askForCalendar(page)
  const box = page.getByRole('checkbox', { name: 'View events on all your calendars' })
  await expect(box).toBeChecked()
  await expect(box).toHaveValue(CAL)
  await box.uncheck()
  await page.getByRole('button', { name: 'Allow' }).click()
  expect((await redeem(request, refused)).scopes).toEqual(GOOGLE_SIGN_IN)

  const granted = await askForCalendar(page)
  await page.getByRole('button', { name: 'Allow' }).click()
  const tokens = await redeem(request, granted)
  expect(tokens.scopes).toEqual(WITH_CALENDAR)
  const events = await listEvents(request, tokens.access_token)
  expect(events.status()).toBe(200)
  expect(events.headers()['access-control-allow-origin']).toBe(APP_ORIGIN)
  const list = (await events.json()) as { summary: string; items: { summary: string }[] }
  expect(list.summary).toBe(TEST_USER.email)
  expect(list.items.map((item) => item.summary).sort()).toEqual([
    'Analytical Engine review',
    'Babbage visit',
    'Notes on the Menabrea paper',
  ])
})

test('include_granted_scopes brings every earlier grant into a new token; without it, only what was asked', async ({
  page,
  request,
}) => {
  await signIn(page, request)
  const granted = await askForCalendar(page)
  await page.getByRole('button', { name: 'Allow' }).click()
  await redeem(request, granted)

  const silent = { prompt: 'none', login_hint: TEST_USER.sub }
  const renewal = await authorize(page, SIGN_IN, { ...silent, include_granted_scopes: 'true' })
  expect((await redeem(request, renewal)).scopes).toEqual(WITH_CALENDAR)
  const plain = await authorize(page, SIGN_IN, silent)
  const signInOnly = await redeem(request, plain)
  expect(signInOnly.scopes).toEqual(GOOGLE_SIGN_IN)
  expect((await listEvents(request, signInOnly.access_token)).status()).toBe(403)
})

test('prompt=none asking for a scope not granted answers consent_required; Cancel answers access_denied', async ({
  page,
  request,
}) => {
  await signIn(page, request)
  const silent = await authorize(page, `${SIGN_IN} ${CAL}`, {
    prompt: 'none',
    login_hint: TEST_USER.sub,
  })
  expect((await silent.callback).searchParams.get('error')).toBe('consent_required')

  const cancelled = await askForCalendar(page)
  await page.getByRole('button', { name: 'Cancel' }).click()
  expect((await cancelled.callback).searchParams.get('error')).toBe('access_denied')
})

test('the Calendar endpoint: Grace has no events; a bad token gets Google’s 401; the preflight allows the app', async ({
  page,
  request,
}) => {
  await signIn(page, request, SECOND_USER.name)
  const granted = await askForCalendar(page, SECOND_USER.sub)
  await page.getByRole('button', { name: 'Allow' }).click()
  const tokens = await redeem(request, granted)
  const events = await listEvents(request, tokens.access_token)
  expect(events.headers()['cache-control']).toContain('no-store')
  expect(((await events.json()) as { items: unknown[] }).items).toEqual([])

  const refused = await listEvents(request, 'not-a-token')
  expect(refused.status()).toBe(401)
  expect(refused.headers()['www-authenticate']).toBe(
    'Bearer realm="https://accounts.google.com/", error="invalid_token"',
  )
  expect(((await refused.json()) as { error: { status: string } }).error.status).toBe(
    'UNAUTHENTICATED',
  )

  const preflight = await request.fetch(EVENTS, {
    method: 'OPTIONS',
    headers: {
      Origin: APP_ORIGIN,
      'Access-Control-Request-Method': 'GET',
      'Access-Control-Request-Headers': 'authorization',
    },
  })
  expect(preflight.headers()['access-control-allow-origin']).toBe(APP_ORIGIN)
  expect(preflight.headers()['access-control-allow-headers']).toContain('authorization')
})
