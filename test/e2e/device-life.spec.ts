import type { APIRequestContext, Page } from '@playwright/test'
import type { LoggedRequest } from '../provider/request-log.ts'
import { expect, readProviderLog, setScenario, test } from './fixtures.ts'
import { signIn, startSignIn } from './helpers.ts'

// A real device: the network drops and comes back, the laptop sleeps past expiry, and tabs say
// things in an order nobody planned. Tokens live 20 s here, so renewal starts at 10 s.

const TTL = 20
const EMAIL = 'ada.lovelace@example.com'
const silentAuthorizations = (log: LoggedRequest[]) =>
  log.filter((r) => r.path === '/auth' && r.prompt === 'none')
const tokenExchanges = (log: LoggedRequest[]) =>
  log.filter((r) => r.method === 'POST' && r.path === '/token')

/** What the provider saw from the moment `since` entries were logged. */
async function providerLogSince(
  request: APIRequestContext,
  since: number,
): Promise<LoggedRequest[]> {
  return (await readProviderLog(request)).slice(since)
}

/** Signs in at `path` with 20-second tokens; returns how many requests the provider had logged. */
async function signInWithShortTokens(
  page: Page,
  request: APIRequestContext,
  path: string,
): Promise<number> {
  await setScenario(request, { tokenTtlSeconds: TTL })
  await page.goto(path)
  await signIn(page)
  return (await readProviderLog(request)).length
}

async function expectSignedIn(page: Page): Promise<void> {
  await expect(page.getByTestId('email')).toHaveText(EMAIL)
}

test('offline through the renewal window: nothing is counted as failed, and renewal runs once the network is back', async ({
  page,
  context,
  request,
}) => {
  const before = await signInWithShortTokens(page, request, '/')
  await context.setOffline(true)
  await page.waitForTimeout(13_000) // past the renewal time, not yet expired
  await expectSignedIn(page)
  await expect(page.getByRole('status', { name: 'Session ending' })).toHaveCount(0)
  await context.setOffline(false)
  await expect
    .poll(async () => tokenExchanges(await providerLogSince(request, before)).length)
    .toBe(1)
  await expectSignedIn(page)
  await page.waitForTimeout(TTL * 1000 - 13_000) // past the first token's expiry
  await expectSignedIn(page)
})

test('tokens that expire offline are dropped, and new ones come silently when the network returns', async ({
  page,
  context,
  request,
}) => {
  const before = await signInWithShortTokens(page, request, '/account/')
  await context.setOffline(true)
  await expect(
    page.getByRole('status').filter({ hasText: 'while this device was offline' }),
  ).toBeVisible({ timeout: (TTL + 5) * 1000 })
  await expect(page.getByTestId('email')).toHaveCount(0)
  await context.setOffline(false)
  await expectSignedIn(page) // without a click
  expect(page.url()).toMatch(/\/account\/$/)
  const log = await providerLogSince(request, before)
  expect(silentAuthorizations(log)).toHaveLength(1)
  expect(tokenExchanges(log)).toHaveLength(1)
})

test('after the device slept past expiry, the tokens are dropped and the person is still signed in, with no call made with the old token', async ({
  page,
  request,
}) => {
  const before = await signInWithShortTokens(page, request, '/')
  // Asleep: the page runs no JavaScript (no timer fires) while the wall clock goes on.
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Debugger.enable')
  await cdp.send('Debugger.pause')
  await page.waitForTimeout((TTL + 3) * 1000)
  await cdp.send('Debugger.resume')
  await cdp.send('Debugger.disable')
  await expectSignedIn(page)
  await expect
    .poll(async () => tokenExchanges(await providerLogSince(request, before)).length)
    .toBe(1)
  const log = await providerLogSince(request, before)
  // The first thing asked after waking is new tokens; userinfo, if asked at all, comes after them.
  expect(log[0]).toMatchObject({ path: '/auth', prompt: 'none' })
  const firstToken = log.findIndex((r) => r.method === 'POST' && r.path === '/token')
  const firstUserinfo = log.findIndex((r) => r.path === '/me')
  expect(firstUserinfo === -1 || firstUserinfo > firstToken).toBe(true)
})

test('a callback whose sign-in engine was still loading when another tab signed out is refused, and says why', async ({
  context,
  request,
}) => {
  // A starts signing in; while A is at the provider, B signs in and will sign out.
  const a = await context.newPage()
  await a.goto('/')
  await startSignIn(a)
  const b = await context.newPage()
  await b.goto('/')
  await signIn(b)
  // Hold the sign-in engine of A's callback page until B has signed out.
  let release: () => void = () => undefined
  const held = new Promise<void>((resolve) => {
    release = resolve
  })
  await a.route(/\/assets\/session-engine-[\w-]+\.js$/, async (route) => {
    await held
    await route.continue()
  })
  await a.getByRole('button', { name: 'Continue' }).click()
  await expect(a.getByText('Signing you in…')).toBeVisible()
  const before = (await readProviderLog(request)).length
  await b.getByRole('button', { name: 'Sign out' }).click()
  await expect(b.getByRole('status')).toContainText('You are signed out')
  release()

  await expect(a.getByRole('status')).toContainText('You signed out in another tab')
  await expect(a.getByRole('button', { name: 'Sign in with Google' })).toBeVisible()
  await expect(a.getByTestId('email')).toHaveCount(0)
  await a.waitForTimeout(1_500)
  await expect(a.getByTestId('email')).toHaveCount(0)
  const log = await providerLogSince(request, before)
  // B revoked its token; A redeemed its code, refused the answer, and revoked what it was given.
  expect(log.filter((r) => r.path === '/token/revocation').length).toBeGreaterThanOrEqual(2)
  expect(log.filter((r) => r.path === '/me')).toHaveLength(0)
  expect(await a.evaluate(() => Object.keys(localStorage))).toEqual([
    expect.stringMatching(/^static-signin\.epoch:/),
  ])
})
