/**
 * Proof outside this repository (issue 21): the fresh app of test/consumer/app, with static-signin
 * installed from the packed tarball (test/consumer/serve-consumer.ts, a webServer), signs in
 * against the local provider, restores its session on reload, renews, and signs out.
 */
import { existsSync, readFileSync } from 'node:fs'
import type { Page, Request } from '@playwright/test'
import { HARNESS_REPORT, type HarnessReport } from '../consumer/harness-report.ts'
import { describeFigures } from '../consumer/bundle-budget.ts'
import { expect, test } from './fixtures.ts'
import {
  authorizationRequests,
  collectCspViolations,
  isProviderRequest,
  recordRequests,
  startSignIn,
  tokenRequests,
} from './helpers.ts'
import { CONSUMER_APP_ORIGIN } from './ports.ts'

const EMAIL = 'ada.lovelace@example.com'
const signedInText = (page: Page) => page.getByText(`Signed in as ${EMAIL}`)
const signInButton = (page: Page) => page.getByRole('button', { name: 'Sign in with Google' })
const revocations = (requests: Request[]) =>
  requests.filter((r) => isProviderRequest(r, '/token/revocation') && r.method() === 'POST')

function readHarnessReport(): HarnessReport {
  if (!existsSync(HARNESS_REPORT))
    throw new Error(
      `No consumer harness report at ${HARNESS_REPORT}: the webServer test/consumer/serve-consumer.ts did not run (see playwright.config.ts).`,
    )
  return JSON.parse(readFileSync(HARNESS_REPORT, 'utf8')) as HarnessReport
}

test.beforeAll(() => {
  const report = readHarnessReport()
  // npm pack, npm install, the typecheck, the unit test, the build or the bundle budget failed.
  if (!report.ok) throw new Error(report.error)
})

test.beforeEach(async ({ page }) => {
  await page.goto(`${CONSUMER_APP_ORIGIN}/`)
})

/** From the consumer's signed-out page: the default button, the provider's pages, the email. */
async function signIn(page: Page): Promise<void> {
  await startSignIn(page)
  await page.getByRole('button', { name: 'Continue' }).click()
  await expect(signedInText(page)).toBeVisible()
}

test('the packed package passed the consumer’s typecheck, unit test, build and bundle budget', () => {
  const report = readHarnessReport()
  if (!report.ok) throw new Error(report.error)
  test.info().annotations.push({ type: 'bundle', description: describeFigures(report.figures) })
})

test('signs in with the default button, over the code flow with PKCE and the client secret', async ({
  page,
}) => {
  const violations = await collectCspViolations(page)
  const requests = recordRequests(page)
  await page.reload()
  await expect(signInButton(page)).toBeVisible()

  await signIn(page)

  const authorize = new URL(authorizationRequests(requests)[0]?.url() ?? 'http://missing.invalid')
  expect(authorize.searchParams.get('redirect_uri')).toBe(`${CONSUMER_APP_ORIGIN}/`)
  expect(authorize.searchParams.get('code_challenge_method')).toBe('S256')
  const tokens = tokenRequests(requests)
  expect(tokens).toHaveLength(1)
  const form = new URLSearchParams(tokens[0]?.postData() ?? '')
  expect(form.get('grant_type')).toBe('authorization_code')
  expect(form.get('code_verifier')).toBeTruthy()
  expect(form.get('client_secret')).toBeTruthy()
  await expect(page).toHaveURL(`${CONSUMER_APP_ORIGIN}/`) // the callback's code is gone
  expect(violations).toEqual([])
})

test('a reload restores the session without a click, and without showing the sign-in button', async ({
  page,
}) => {
  await signIn(page)
  await page.addInitScript(() => {
    const seen = window as { __sawSignInButton?: boolean }
    seen.__sawSignInButton = false
    new MutationObserver(() => {
      for (const button of document.querySelectorAll('button'))
        if (button.textContent === 'Sign in with Google' && button.checkVisibility())
          seen.__sawSignInButton = true
    }).observe(document, { childList: true, subtree: true })
  })
  const requests = recordRequests(page)

  await page.reload()

  await expect(signedInText(page)).toBeVisible()
  const silent = authorizationRequests(requests).map((r) => new URL(r.url()))
  expect(silent.map((url) => url.searchParams.get('prompt'))).toEqual(['none'])
  expect(tokenRequests(requests)).toHaveLength(1)
  expect(
    await page.evaluate(() => (window as { __sawSignInButton?: boolean }).__sawSignInButton),
  ).toBe(false)
})

test('"Renew now" fetches new tokens through the renewal page, and the person stays signed in', async ({
  page,
}) => {
  await signIn(page)
  const requests = recordRequests(page)
  const tokenResponse = page.waitForResponse(
    (r) => isProviderRequest(r.request(), '/token') && r.request().method() === 'POST',
    { timeout: 10_000 },
  )

  await page.getByRole('button', { name: 'Renew now' }).click()

  const renewed = (await (await tokenResponse).json()) as { access_token?: string }
  expect(renewed.access_token).toBeTruthy()
  const silent = authorizationRequests(requests).map((r) => new URL(r.url()))
  expect(silent.map((url) => url.searchParams.get('prompt'))).toEqual(['none'])
  expect(silent[0]?.searchParams.get('redirect_uri')).toBe(
    `${CONSUMER_APP_ORIGIN}/silent-renew.html`,
  )
  expect(tokenRequests(requests)).toHaveLength(1)
  await expect(signedInText(page)).toBeVisible()
  await expect(signInButton(page)).toBeHidden()
})

test('"Sign out" revokes the token and shows the sign-in button again, also after a reload', async ({
  page,
}) => {
  await signIn(page)
  const requests = recordRequests(page)

  await page.getByRole('button', { name: 'Sign out' }).click()

  await expect(signInButton(page)).toBeVisible()
  await expect(signedInText(page)).toBeHidden()
  await expect.poll(() => revocations(requests).length).toBe(1)
  await page.reload()
  await expect(signInButton(page)).toBeVisible()
  expect(authorizationRequests(requests)).toHaveLength(0)
})
