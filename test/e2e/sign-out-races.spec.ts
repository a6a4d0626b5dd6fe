import type { Request } from '@playwright/test'
import { expect, setScenario, test } from './fixtures.ts'
import { isProviderRequest, recordRequests, signIn, tokenRequests } from './helpers.ts'

// The provider answers prompt=none slowly, so the sign-out lands while a silent sign-in is on its
// way. Sign-out must win: nothing signs back in, in any tab, after the late answer arrives. The
// sign-out discards the tab's pending sign-in state, so the late code is not even redeemed.
const SLOW_MS = 2_500
const EPOCH_KEY = expect.stringMatching(/^static-signin\.epoch:/)
const lateAnswers = (requests: Request[]) =>
  requests.filter((r) => new URL(r.url()).pathname === '/silent-renew.html')

test('signing out in tab A while tab B restores its session leaves both signed out', async ({
  context,
  request,
}) => {
  const a = await context.newPage()
  await a.goto('/')
  await signIn(a)
  await setScenario(request, { silentDelayMs: SLOW_MS })

  const b = await context.newPage()
  const bRequests = recordRequests(b)
  await b.goto('/account')
  await expect(b.getByText('Restoring your session…')).toBeVisible()
  await a.getByRole('button', { name: 'Sign out' }).click()
  await expect(a.getByRole('status')).toContainText('You are signed out')

  // The late answer reached B's iframe, and B redeemed nothing.
  await expect.poll(() => lateAnswers(bRequests).length, { timeout: 8_000 }).toBe(1)
  await b.waitForTimeout(500)
  expect(tokenRequests(bRequests)).toHaveLength(0)
  for (const page of [a, b]) {
    await expect(page.getByRole('button', { name: 'Sign in with Google' })).toBeVisible()
    await expect(page.getByTestId('email')).toHaveCount(0)
  }
  await expect(b.getByRole('status')).toContainText('You signed out in another tab')
  // Only the sign-out epoch, which orders sign-outs across tabs; no hint, no token.
  expect(await a.evaluate(() => Object.keys(localStorage))).toEqual([EPOCH_KEY])
  await a.waitForTimeout(1_000) // and it stays so
  await expect(a.getByTestId('email')).toHaveCount(0)
  await expect(b.getByTestId('email')).toHaveCount(0)
})

test('signing out while this tab’s renewal is in flight stays signed out', async ({
  page,
  request,
}) => {
  const requests = recordRequests(page)
  await page.goto('/')
  await signIn(page)
  await setScenario(request, { silentDelayMs: SLOW_MS })
  await page.getByRole('button', { name: 'Renew now' }).click()
  await expect(page.getByRole('button', { name: 'Renewing…' })).toBeVisible()
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByRole('status')).toContainText('You are signed out')

  await expect.poll(() => lateAnswers(requests).length, { timeout: 8_000 }).toBe(1)
  await page.waitForTimeout(500)
  expect(tokenRequests(requests)).toHaveLength(1) // the sign-in's; the late code is not redeemed
  expect(requests.filter((r) => isProviderRequest(r, '/token/revocation'))).toHaveLength(1)
  await expect(page.getByRole('button', { name: 'Sign in with Google' })).toBeVisible()
  await expect(page.getByTestId('email')).toHaveCount(0)
  await expect(page.getByRole('alert')).toHaveCount(0)
  expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([EPOCH_KEY])
})
