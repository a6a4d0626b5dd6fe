/**
 * The Google stand-in itself, driven by hand-built authorization requests (no app): its account
 * chooser, granular consent, include_granted_scopes, whole-grant revocation and the Calendar API's
 * 200, 401 and 403. The app's own walk through these is in the app's specs.
 */
import { createHash, randomBytes } from 'node:crypto'
import type { Page } from '@playwright/test'
import { STAND_IN_CLIENT_ID, STAND_IN_CLIENT_SECRET } from '../../google/client.ts'
import { API_CHALLENGES, CALENDAR_ERRORS } from '../../google/wire-format.ts'
import { recordRequests } from '../helpers.ts'
import { GOOGLE_APP_ORIGIN } from '../ports.ts'
import {
  answerGoogleConsent,
  CALENDAR_SCOPE,
  chooseGoogleAccount,
  expect,
  GOOGLE_EMAIL,
  GOOGLE_SUB,
  googleCalendarRequests,
  GRACE_EMAIL,
  GRACE_SUB,
  setGoogleScenario,
  test,
} from './google-fixtures.ts'

const EMAIL = 'https://www.googleapis.com/auth/userinfo.email'
const PROFILE = 'https://www.googleapis.com/auth/userinfo.profile'
const SIGN_IN = ['openid', EMAIL, PROFILE]
const EVENTS = 'https://www.googleapis.com/calendar/v3/calendars/primary/events'

interface Callback {
  params: URLSearchParams
  verifier: string
}

/**
 * A document of the app's origin that is not the app, where the test makes its own calls: served by
 * the app's server, since Chromium lets only a loopback document call loopback (the stand-in), and
 * with its CSP bypassed, since these calls are the test's, not the app's.
 */
const BLANK = `${GOOGLE_APP_ORIGIN}/favicon.svg`
test.use({ bypassCSP: true })

/**
 * Sends the browser to Google's authorization endpoint with these parameters (PKCE added), and
 * resolves with the redirect back to the app. The app finds no state of its own for it, so it
 * never exchanges the code (Playwright cannot intercept the end of a redirect to stop it loading).
 */
async function authorize(page: Page, extra: Record<string, string>) {
  const verifier = randomBytes(32).toString('base64url')
  const url = new URL('https://accounts.google.com/o/oauth2/v2/auth')
  for (const [name, value] of Object.entries({
    client_id: STAND_IN_CLIENT_ID,
    redirect_uri: `${GOOGLE_APP_ORIGIN}/`,
    response_type: 'code',
    scope: 'openid email profile',
    state: randomBytes(8).toString('hex'),
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
    ...extra,
  })) {
    url.searchParams.set(name, value)
  }
  const callback = page
    .waitForRequest((r) => {
      const target = new URL(r.url())
      return (
        target.origin === GOOGLE_APP_ORIGIN &&
        target.searchParams.get('state') === url.searchParams.get('state')
      )
    })
    .then((r): Callback => ({ params: new URL(r.url()).searchParams, verifier }))
  callback.catch(() => undefined) // a test may stop at Google's page and never come back
  await page.goto(url.href)
  return { callback }
}

interface TokenResponse {
  access_token: string
  scope: string
  id_token: string
}

/** Exchanges the code from the app's origin, as the app does (CORS, client secret, verifier). */
async function exchange(page: Page, { params, verifier }: Callback): Promise<TokenResponse> {
  await page.goto(BLANK)
  const form = {
    grant_type: 'authorization_code',
    code: params.get('code') ?? '',
    redirect_uri: `${GOOGLE_APP_ORIGIN}/`,
    client_id: STAND_IN_CLIENT_ID,
    client_secret: STAND_IN_CLIENT_SECRET,
    code_verifier: verifier,
  }
  return page.evaluate(async (body) => {
    const answer = await fetch('https://oauth2.googleapis.com/token', {
      method: 'POST',
      body: new URLSearchParams(body),
    })
    return (await answer.json()) as TokenResponse
  }, form)
}

/** Calls Events: list from the app's origin; the headers are the browser's view of the answer. */
async function listEvents(page: Page, token: string) {
  const answer = page.waitForResponse(
    (r) => r.url().startsWith(EVENTS) && r.request().method() === 'GET',
  )
  const query = new URLSearchParams({
    timeMin: new Date().toISOString(),
    singleEvents: 'true',
    orderBy: 'startTime',
    maxResults: '5',
  })
  const body = await page.evaluate(
    async ({ url, token }) => {
      const response = await fetch(url, { headers: { Authorization: `Bearer ${token}` } })
      return response.text()
    },
    { url: `${EVENTS}?${query}`, token },
  )
  const response = await answer
  return { status: response.status(), headers: await response.allHeaders(), body }
}

const scopesOf = (scope: string | null | undefined) => new Set((scope ?? '').split(' '))
const subOf = (idToken: string) =>
  (JSON.parse(Buffer.from(idToken.split('.')[1] ?? '', 'base64url').toString()) as { sub: string })
    .sub

/** Signs Ada in with the Calendar scope granted on the consent screen; returns the token response. */
async function signInWithCalendar(page: Page): Promise<TokenResponse> {
  const { callback } = await authorize(page, {
    scope: `openid email profile ${CALENDAR_SCOPE}`,
    include_granted_scopes: 'true',
  })
  await chooseGoogleAccount(page, GOOGLE_EMAIL)
  await answerGoogleConsent(page)
  return exchange(page, await callback)
}

test('the chooser offers both accounts, Ada checked, and signs in the one chosen', async ({
  page,
}) => {
  const { callback } = await authorize(page, {})
  const radios = page.getByRole('radio')
  await expect(radios).toHaveCount(2)
  await expect(page.getByRole('radio', { name: GOOGLE_EMAIL })).toBeChecked()
  await expect(page.getByRole('radio', { name: `Grace Hopper · ${GRACE_EMAIL}` })).not.toBeChecked()
  await chooseGoogleAccount(page, GRACE_EMAIL)
  const token = await exchange(page, await callback)
  expect(subOf(token.id_token)).toBe(GRACE_SUB)
  expect(scopesOf(token.scope)).toEqual(new Set(SIGN_IN))
})

test('a login_hint of a signed-in account skips the chooser; prompt=select_account always shows it', async ({
  page,
}) => {
  const first = await authorize(page, {})
  await chooseGoogleAccount(page, GOOGLE_EMAIL)
  await exchange(page, await first.callback)

  const hinted = await authorize(page, { login_hint: GOOGLE_SUB })
  expect((await hinted.callback).params.get('code')).toMatch(/^4\/0A/)

  await authorize(page, { login_hint: GOOGLE_SUB, prompt: 'select_account' })
  await expect(page.getByRole('heading', { name: 'Choose an account' })).toBeVisible()
  // Grace is not signed in here: her hint shows the chooser, with her checked.
  await authorize(page, { login_hint: GRACE_SUB })
  await expect(page.getByRole('radio', { name: GRACE_EMAIL })).toBeChecked()
})

test('consent offers the Calendar scope as a ticked checkbox; unticked, it is not granted and the API answers 403', async ({
  page,
}) => {
  const { callback } = await authorize(page, {
    scope: `openid email profile ${CALENDAR_SCOPE}`,
    include_granted_scopes: 'true',
  })
  await chooseGoogleAccount(page, GOOGLE_EMAIL)
  await expect(
    page.getByRole('heading', { name: 'Static Sign-in wants access to your Google Account' }),
  ).toBeVisible()
  const box = page.getByRole('checkbox', { name: 'View events on all your calendars' })
  await expect(box).toBeChecked()
  await expect(box).toHaveAttribute('value', CALENDAR_SCOPE)
  await answerGoogleConsent(page, { untick: [CALENDAR_SCOPE] })
  const back = await callback
  expect(scopesOf(back.params.get('scope')).has(CALENDAR_SCOPE)).toBe(false)
  const token = await exchange(page, back)
  expect(scopesOf(token.scope)).toEqual(new Set(SIGN_IN))

  const answer = await listEvents(page, token.access_token)
  expect(answer.status).toBe(403)
  expect(answer.headers['www-authenticate']).toBe(API_CHALLENGES.insufficientScope)
  expect(JSON.parse(answer.body)).toEqual(CALENDAR_ERRORS.insufficientScope)
  // Asked again, the consent screen comes back: nothing was granted.
  await authorize(page, { scope: `openid ${CALENDAR_SCOPE}`, login_hint: GOOGLE_SUB })
  await expect(
    page.getByRole('checkbox', { name: 'View events on all your calendars' }),
  ).toBeVisible()
})

test('cancel on the consent screen answers access_denied', async ({ page }) => {
  const { callback } = await authorize(page, { scope: `openid ${CALENDAR_SCOPE}` })
  await chooseGoogleAccount(page, GOOGLE_EMAIL)
  await answerGoogleConsent(page, { cancel: true })
  expect((await callback).params.get('error')).toBe('access_denied')
})

test('granted, the Calendar scope is in the token and the redirect, and Events: list answers 200 across CORS', async ({
  page,
}) => {
  const requests = recordRequests(page)
  const token = await signInWithCalendar(page)
  expect(scopesOf(token.scope)).toEqual(new Set([...SIGN_IN, CALENDAR_SCOPE]))
  const answer = await listEvents(page, token.access_token)
  expect(answer.status).toBe(200)
  expect(answer.headers['access-control-allow-origin']).toBe(GOOGLE_APP_ORIGIN)
  const list = JSON.parse(answer.body) as {
    kind: string
    summary: string
    items: { summary: string }[]
  }
  expect(list.kind).toBe('calendar#events')
  expect(list.summary).toBe(GOOGLE_EMAIL)
  expect(list.items.map((item) => item.summary)).toEqual([
    'Babbage visit',
    'Analytical Engine review',
    'Notes on the Menabrea paper',
  ])
  const [call] = googleCalendarRequests(requests)
  expect(await call?.headerValue('authorization')).toBe(`Bearer ${token.access_token}`)
  // Chromium sent a CORS preflight for the Authorization header (Playwright does not list
  // preflights): had the stand-in refused it, the call above would have failed.
})

test('include_granted_scopes=true keeps the earlier grant in a plain sign-in; without it, only what was asked', async ({
  page,
}) => {
  await signInWithCalendar(page)
  for (const [include, hasCalendar] of [
    ['true', true],
    ['false', false],
  ] as const) {
    const { callback } = await authorize(page, {
      login_hint: GOOGLE_SUB,
      include_granted_scopes: include,
    })
    const back = await callback // no chooser, no consent: Ada is signed in, nothing new asked
    expect(scopesOf(back.params.get('scope')).has(CALENDAR_SCOPE)).toBe(hasCalendar)
    expect(scopesOf((await exchange(page, back)).scope).has(CALENDAR_SCOPE)).toBe(hasCalendar)
  }
  // prompt=none: granted scopes need no UI; another account's ungranted scope needs consent.
  const silent = await authorize(page, {
    prompt: 'none',
    login_hint: GOOGLE_SUB,
    scope: `openid ${CALENDAR_SCOPE}`,
  })
  expect((await silent.callback).params.get('code')).toBeTruthy()
})

test('prompt=none for a scope not granted answers consent_required', async ({ page }) => {
  const first = await authorize(page, {})
  await chooseGoogleAccount(page, GRACE_EMAIL)
  await exchange(page, await first.callback)
  const { callback } = await authorize(page, {
    prompt: 'none',
    login_hint: GRACE_SUB,
    scope: `openid email profile ${CALENDAR_SCOPE}`,
  })
  expect((await callback).params.get('error')).toBe('consent_required')
})

test('a made-up token gets 401; revoking one token ends the whole grant', async ({ page }) => {
  const token = await signInWithCalendar(page)
  const made = await listEvents(page, 'ya29.a0made-up')
  expect(made.status).toBe(401)
  expect(made.headers['www-authenticate']).toBe(API_CHALLENGES.invalidToken)
  expect(JSON.parse(made.body)).toEqual(CALENDAR_ERRORS.unauthenticated)

  const revoked = await page.evaluate(async (value) => {
    const answer = await fetch('https://oauth2.googleapis.com/revoke', {
      method: 'POST',
      body: new URLSearchParams({ token: value }),
    })
    return answer.status
  }, token.access_token)
  expect(revoked).toBe(200)
  expect((await listEvents(page, token.access_token)).status).toBe(401)
  // The grant is gone: asking for the Calendar scope again shows the consent screen.
  await authorize(page, { scope: `openid ${CALENDAR_SCOPE}`, login_hint: GOOGLE_SUB })
  await expect(
    page.getByRole('checkbox', { name: 'View events on all your calendars' }),
  ).toBeChecked()
})

test('scenario switches: 401 once then 200; HTML; the wrong shape; a scope nobody granted', async ({
  page,
  request,
}) => {
  await setGoogleScenario(request, { calendar: 'unauthorized-once' })
  const token = await signInWithCalendar(page)
  expect((await listEvents(page, token.access_token)).status).toBe(401)
  expect((await listEvents(page, token.access_token)).status).toBe(200)

  await setGoogleScenario(request, { calendar: 'html' })
  const html = await listEvents(page, token.access_token)
  expect(html.headers['content-type']).toMatch(/^text\/html/)
  expect(html.body).toContain('onerror=')

  await setGoogleScenario(request, { calendar: 'wrong-shape' })
  expect(JSON.parse((await listEvents(page, token.access_token)).body)).toEqual({ items: 'nope' })

  const extra = 'https://www.googleapis.com/auth/gmail.readonly'
  await setGoogleScenario(request, { extraGrantedScope: extra })
  const { callback } = await authorize(page, {})
  await chooseGoogleAccount(page, GRACE_EMAIL)
  expect(scopesOf((await exchange(page, await callback)).scope).has(extra)).toBe(true)
})
