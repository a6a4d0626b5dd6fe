/**
 * Proof outside this repository (issue 21): a fresh app written as the package README's quickstart
 * tells a newcomer to (test/consumer/serve-consumer.ts, a webServer, takes its code from the README
 * and installs static-signin from the packed tarball) signs in against the local provider, restores
 * its session on reload, renews on its own before the token expires, and signs out.
 */
import { existsSync, readFileSync } from 'node:fs'
import type { Page, Request } from '@playwright/test'
import { HARNESS_REPORT, type HarnessReport } from '../consumer/harness-report.ts'
import { describeFigures } from '../consumer/bundle-budget.ts'
import { expect, setScenario, test } from './fixtures.ts'
import {
  authorizationRequests,
  collectCspViolations,
  isProviderRequest,
  recordRequests,
  startSignIn,
  tokenRequests,
} from './helpers.ts'
import { CONSUMER_APP_ORIGIN } from './ports.ts'

/** The quickstart's `Hello`: one button that names the person signed in. */
const helloButton = (page: Page) => page.getByRole('button', { name: 'Sign out Ada Lovelace' })
const signInButton = (page: Page) => page.getByRole('button', { name: 'Sign in with Google' })
const accessTokenOf = async (request: Request | undefined) =>
  ((await (await request?.response())?.json()) as { access_token?: string } | undefined)
    ?.access_token
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
  // The README's blocks, npm pack, npm install, the typecheck, the unit test (the README's example
  // test), the build or the bundle budget failed.
  if (!report.ok) throw new Error(report.error)
})

test.beforeEach(async ({ page }) => {
  await page.goto(`${CONSUMER_APP_ORIGIN}/`)
})

/** From the consumer's signed-out page: the default button, the provider's pages, the name. */
async function signIn(page: Page): Promise<void> {
  await startSignIn(page)
  await page.getByRole('button', { name: 'Continue' }).click()
  await expect(helloButton(page)).toBeVisible()
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

  await expect(helloButton(page)).toBeVisible()
  const silent = authorizationRequests(requests).map((r) => new URL(r.url()))
  expect(silent.map((url) => url.searchParams.get('prompt'))).toEqual(['none'])
  expect(tokenRequests(requests)).toHaveLength(1)
  expect(
    await page.evaluate(() => (window as { __sawSignInButton?: boolean }).__sawSignInButton),
  ).toBe(false)
})

test('renews on its own through the renewal page before the token expires, and the person stays signed in', async ({
  page,
  request,
}) => {
  await setScenario(request, { tokenTtlSeconds: 20 })
  await page.clock.install()
  const violations = await collectCspViolations(page)
  const requests = recordRequests(page)
  await page.goto(`${CONSUMER_APP_ORIGIN}/`)
  await signIn(page)
  const signedIn = requests.length
  const tokenResponse = page.waitForResponse(
    (r) => isProviderRequest(r.request(), '/token') && r.request().method() === 'POST',
    { timeout: 10_000 },
  )

  // Renewal starts halfway through a short token's life: jump there instead of waiting.
  await page.clock.fastForward(10_500)

  const renewed = (await (await tokenResponse).json()) as { access_token?: string }
  expect(renewed.access_token).toBeTruthy()
  const silent = authorizationRequests(requests.slice(signedIn))
  expect(silent.map((r) => r.frame() === page.mainFrame())).toEqual([false]) // the hidden iframe
  const params = new URL(silent[0]?.url() ?? 'http://missing.invalid').searchParams
  expect(params.get('prompt')).toBe('none')
  expect(params.get('redirect_uri')).toBe(`${CONSUMER_APP_ORIGIN}/silent-renew.html`)
  const tokens = tokenRequests(requests)
  expect(tokens).toHaveLength(2)
  expect(await accessTokenOf(tokens[1])).toBe(renewed.access_token)
  expect(renewed.access_token).not.toBe(await accessTokenOf(tokens[0]))
  await expect(helloButton(page)).toBeVisible()
  await expect(signInButton(page)).toBeHidden()
  expect(page.url()).toBe(`${CONSUMER_APP_ORIGIN}/`)
  expect(violations).toEqual([])
})

test('"Sign out" revokes the token and shows the sign-in button again, also after a reload', async ({
  page,
}) => {
  await signIn(page)
  const requests = recordRequests(page)

  await helloButton(page).click() // the quickstart's only button: "Sign out Ada Lovelace"

  await expect(signInButton(page)).toBeVisible()
  await expect(helloButton(page)).toBeHidden()
  await expect.poll(() => revocations(requests).length).toBe(1)
  await page.reload()
  await expect(signInButton(page)).toBeVisible()
  expect(authorizationRequests(requests)).toHaveLength(0)
})
