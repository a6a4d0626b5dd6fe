import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, setScenario, test } from './fixtures.ts'
import { signIn, startSignIn } from './helpers.ts'
import { APP_ORIGIN } from './ports.ts'

// axe-core (WCAG 2 A/AA and best-practice rules) on every state a person can meet; the
// provider's own page is not the app's and is left out.

/** axe-core's findings on the page as it is now: rule id and the elements, as text. */
async function findViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze()
  return results.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  )
}

const expectAccessible = async (page: Page) => {
  expect(await findViolations(page)).toEqual([])
}

test('signed out: the home, account and sign-in pages', async ({ page }) => {
  for (const path of ['/', '/account/', '/sign-in/']) {
    await page.goto(path)
    await expect(page.getByRole('button', { name: 'Sign in with Google' })).toBeVisible()
    await expectAccessible(page)
  }
})

test('signed in: the home page with its Session panel, and the account page', async ({ page }) => {
  await page.goto('/')
  await signIn(page)
  await expectAccessible(page)
  await page.getByRole('link', { name: 'Account' }).click()
  await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible()
  await expectAccessible(page)
})

test('after signing out: the signed-out notice', async ({ page }) => {
  await page.goto('/')
  await signIn(page)
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByRole('status')).toContainText('You are signed out')
  await expectAccessible(page)
})

for (const [hostile, title] of [
  ['authorization-denied-markup', 'Sign-in cancelled'],
  ['id-token-wrong-aud', 'Sign-in response rejected'],
  ['authorization-replaced-state', 'This sign-in link is no longer valid'],
  ['token-500-html', 'The sign-in provider had a problem'],
] as const) {
  test(`the error alert: ${title}`, async ({ page, request }) => {
    await setScenario(request, { hostile })
    await page.goto('/')
    await startSignIn(page)
    await page.getByRole('button', { name: 'Continue' }).click()
    await expect(page.getByRole('alert')).toContainText(title)
    await page.getByText('Technical details').click() // the expanded details too
    await expectAccessible(page)
  })
}

test('the renewal notice, then the session-ended notice', async ({ page, request }) => {
  // Cross-site app origin: renewal fails, and the clock brings the notices without waiting.
  await setScenario(request, { tokenTtlSeconds: 20 })
  await page.clock.install()
  await page.goto(APP_ORIGIN.replace('127.0.0.1', 'localhost') + '/')
  await signIn(page)
  await expect(page.getByRole('status', { name: 'Session ending' })).toBeVisible({
    timeout: 20_000,
  })
  await expectAccessible(page)
  await page.clock.fastForward(20_000)
  await expect(page.getByRole('status').filter({ hasText: 'Your session ended' })).toBeVisible()
  await expectAccessible(page)
})

test('the Not Found page', async ({ page }) => {
  await page.goto('/no/such/page')
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible()
  await expectAccessible(page)
})

test('the setup page of a build with no client configured', async ({ page }) => {
  await page.goto('http://127.0.0.1:4275/')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await expectAccessible(page)
})
