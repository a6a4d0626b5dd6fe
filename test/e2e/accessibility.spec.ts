import type { Page } from '@playwright/test'
import { findAxeViolations } from './axe.ts'
import { expect, test } from './fixtures.ts'
import { showErrorAlert, signIn, signInUntilRenewalNotice } from './helpers.ts'

// axe-core on every state a person can meet, in light mode at desktop size (dark mode and a
// 320 px screen: appearance.spec.ts). The provider's own page is not the app's and is left out.

const expectAccessible = async (page: Page) => {
  expect(await findAxeViolations(page)).toEqual([])
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
    await showErrorAlert(page, request, hostile, title)
    await expectAccessible(page)
  })
}

test('the renewal notice, then the session-ended notice', async ({ page, request }) => {
  await signInUntilRenewalNotice(page, request)
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
