import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  chromium,
  test as base,
  type APIRequestContext,
  type BrowserContext,
  type Page,
  type Request,
} from '@playwright/test'
import type { GoogleScenario } from '../../google/scenario.ts'
import { ensureTestCertificate } from '../../google/certificate.ts'
import { ADA, GRACE } from '../../google/google-account.ts'
import { findChromium } from '../../tools/find-chromium.ts'
import { googleArgs } from '../browser-args.ts'
import { GOOGLE_APP_ORIGIN, STAND_IN_CONTROL_PORT } from '../ports.ts'

/** Ada: the account the chooser has checked; every sign-in that just clicks Continue gets her. */
export const GOOGLE_SUB = ADA.sub
export const GOOGLE_EMAIL = ADA.email
/** Grace: the second account, with an empty calendar. */
export const GRACE_SUB = GRACE.sub
export const GRACE_EMAIL = GRACE.email
export { CALENDAR_SCOPE } from '../../google/wire-format.ts'

/**
 * Switches the stand-in's behaviour (unset fields take their defaults), signs out of "Google" and
 * forgets every grant: the next request for the Calendar scope shows the consent screen.
 */
export async function setGoogleScenario(
  request: APIRequestContext,
  changes: Partial<GoogleScenario> = {},
): Promise<void> {
  const response = await request.post(`http://127.0.0.1:${STAND_IN_CONTROL_PORT}/scenario`, {
    data: changes,
  })
  if (!response.ok()) throw new Error(`stand-in scenario not set: HTTP ${response.status()}`)
}

const isAt = (request: Request, host: string, path: string) => {
  const url = new URL(request.url())
  return url.protocol === 'https:' && url.hostname === host && url.pathname === path
}
export const googleAuthorizations = (requests: Request[]) =>
  requests.filter((r) => isAt(r, 'accounts.google.com', '/o/oauth2/v2/auth'))
/** Google's authorizations made by a hidden iframe of `page`, and by the page itself. */
export const inIframe = (page: Page, requests: Request[]) =>
  googleAuthorizations(requests).filter((r) => r.frame() !== page.mainFrame())
export const atTopLevel = (page: Page, requests: Request[]) =>
  googleAuthorizations(requests).filter((r) => r.frame() === page.mainFrame())
/** The query of a request (an authorization's parameters). */
export const paramsOf = (request: Request | undefined) =>
  new URL(request?.url() ?? 'about:blank').searchParams
export const googleTokenRequests = (requests: Request[]) =>
  requests.filter((r) => isAt(r, 'oauth2.googleapis.com', '/token') && r.method() === 'POST')
export const googleUserinfoRequests = (requests: Request[]) =>
  requests.filter(
    (r) => isAt(r, 'openidconnect.googleapis.com', '/v1/userinfo') && r.method() === 'GET',
  )
export const googleRevocations = (requests: Request[]) =>
  requests.filter((r) => isAt(r, 'oauth2.googleapis.com', '/revoke') && r.method() === 'POST')
/** Calls of the Calendar API's Events: list (GET; its CORS preflights are left out). */
export const googleCalendarRequests = (requests: Request[]) =>
  requests.filter(
    (r) =>
      isAt(r, 'www.googleapis.com', '/calendar/v3/calendars/primary/events') &&
      r.method() === 'GET',
  )

/** On the stand-in's "Choose an account": checks the account with this email, clicks Continue. */
export async function chooseGoogleAccount(page: Page, email: string): Promise<void> {
  await base.expect(page.getByRole('heading', { name: 'Choose an account' })).toBeVisible()
  await page.getByRole('radio', { name: email }).check()
  await page.getByRole('button', { name: 'Continue' }).click()
}

/**
 * On the stand-in's consent screen ("Static Sign-in wants access to your Google Account"):
 * unticks the given scopes (by scope URL), then clicks Allow, or Cancel with `cancel: true`.
 */
export async function answerGoogleConsent(
  page: Page,
  { untick = [], cancel = false }: { untick?: string[]; cancel?: boolean } = {},
): Promise<void> {
  await base
    .expect(page.getByRole('heading', { name: /wants access to your Google Account/ }))
    .toBeVisible()
  for (const scope of untick)
    await page.locator(`input[type="checkbox"][value="${scope}"]`).uncheck()
  await page.getByRole('button', { name: cancel ? 'Cancel' : 'Allow' }).click()
}

/** Clicks "Sign in with Google" and waits for the stand-in's account chooser at accounts.google.com. */
export async function startGoogleSignIn(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign in with Google' }).click()
  await base.expect(page.getByRole('heading', { name: 'Choose an account' })).toBeVisible()
  base.expect(new URL(page.url()).host).toBe('accounts.google.com')
}

export async function signInWithGoogle(page: Page): Promise<void> {
  await startGoogleSignIn(page)
  await page.getByRole('button', { name: 'Continue' }).click()
  await base.expect(page.getByTestId('email')).toHaveText(GOOGLE_EMAIL)
}

/**
 * A Chromium profile that sends third-party cookies to the renewal iframe, as Chrome does with
 * default settings: Debian's Chromium withholds them unless the profile says otherwise
 * (docs/test-machine.md).
 */
async function launchWithThirdPartyCookies(
  baseURL: string | undefined,
): Promise<{ context: BrowserContext; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'chromium-3pc-'))
  mkdirSync(join(dir, 'Default'))
  writeFileSync(
    join(dir, 'Default', 'Preferences'),
    JSON.stringify({ profile: { cookie_controls_mode: 0 } }),
  )
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: findChromium(),
    args: googleArgs(ensureTestCertificate().spkiHash),
    baseURL: baseURL ?? GOOGLE_APP_ORIGIN,
  })
  return { context, dir }
}

export const test = base.extend<{ standIn: undefined; cookiePage: Page }>({
  standIn: [
    async ({ request }, use) => {
      await setGoogleScenario(request)
      await use(undefined)
    },
    { auto: true },
  ],
  /** A page in a browser that allows third-party cookies (Chrome's default). */
  cookiePage: async ({ baseURL }, use) => {
    const { context, dir } = await launchWithThirdPartyCookies(baseURL)
    const page = context.pages()[0] ?? (await context.newPage())
    await use(page)
    await context.close()
    rmSync(dir, { recursive: true, force: true })
  },
})

export { expect } from '@playwright/test'
