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
import { findChromium } from '../../tools/find-chromium.ts'
import { googleArgs } from '../browser-args.ts'
import { GOOGLE_APP_ORIGIN, STAND_IN_CONTROL_PORT } from '../ports.ts'

export const GOOGLE_SUB = '110248495921238986420'
export const GOOGLE_EMAIL = 'ada.lovelace@example.com'

/** Switches the stand-in's behaviour (unset fields take their defaults) and signs out of "Google". */
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
export const googleTokenRequests = (requests: Request[]) =>
  requests.filter((r) => isAt(r, 'oauth2.googleapis.com', '/token') && r.method() === 'POST')
export const googleUserinfoRequests = (requests: Request[]) =>
  requests.filter(
    (r) => isAt(r, 'openidconnect.googleapis.com', '/v1/userinfo') && r.method() === 'GET',
  )
export const googleRevocations = (requests: Request[]) =>
  requests.filter((r) => isAt(r, 'oauth2.googleapis.com', '/revoke') && r.method() === 'POST')

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
