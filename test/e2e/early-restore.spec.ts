import type { Page, Request } from '@playwright/test'
import { endProviderSessions, expect, test } from './fixtures.ts'
import {
  authorizationRequests,
  recordRequests,
  sawSignInButton,
  signIn,
  tokenRequests,
  watchForSignInButton,
} from './helpers.ts'
import { APP_ORIGIN } from './ports.ts'

// The early restore (issue 22): a reload asks the provider from the page's boot script, while the
// app's scripts are still on their way, and the engine redeems that answer with every check.

const SUB = '110248495921238986420'
const EARLY_KEY = 'static-signin.early-restore:local-web-client.apps.localhost'

const silentAuthorizations = (page: Page, requests: Request[]) =>
  authorizationRequests(requests).filter((r) => r.frame() !== page.mainFrame())
const hasEarlyRequest = (page: Page) =>
  page.evaluate((key) => sessionStorage.getItem(key) !== null, EARLY_KEY)

/** Holds every script of the app until the returned function is called. */
async function holdAppScripts(page: Page): Promise<() => void> {
  let release: () => void = () => undefined
  const released = new Promise<void>((resolve) => {
    release = resolve
  })
  // Routing also keeps the browser from serving them from its cache.
  await page.route(/\/assets\/[^/]+\.js$/, async (route) => {
    await released
    await route.continue()
  })
  return release
}

test('a reload asks the provider before any of the app’s scripts has arrived, and redeems that answer once', async ({
  page,
}) => {
  await page.goto('/')
  await signIn(page)
  await expect.poll(() => hasEarlyRequest(page)).toBe(true)
  await watchForSignInButton(page)
  const requests = recordRequests(page)
  const release = await holdAppScripts(page)
  await page.reload({ waitUntil: 'commit' })

  // The authorization round trip runs, and its answer comes back, with every script still held.
  await expect.poll(() => silentAuthorizations(page, requests).length).toBe(1)
  const [early] = silentAuthorizations(page, requests)
  expect(await early?.response()).toBeTruthy()
  await expect
    .poll(() => requests.some((r) => r.url().startsWith(`${APP_ORIGIN}/silent-renew.html?code=`)))
    .toBe(true)
  expect(tokenRequests(requests)).toHaveLength(0) // nothing redeemed without the engine's checks
  // The boot script asked for the engine and the signed-in views at once (preloadWhenStarting).
  const asked = requests.map((r) => new URL(r.url()).pathname)
  expect(asked).toContainEqual(expect.stringMatching(/^\/assets\/session-engine-[\w-]+\.js$/))
  expect(asked).toContainEqual(
    expect.stringMatching(/^\/assets\/signed-in-views-chunk-[\w-]+\.js$/),
  )
  const params = new URL(early?.url() ?? 'about:blank').searchParams
  expect(params.get('prompt')).toBe('none')
  expect(params.get('login_hint')).toBe(SUB)
  expect(params.get('redirect_uri')).toBe(`${APP_ORIGIN}/silent-renew.html`)
  expect(params.get('code_challenge_method')).toBe('S256')
  expect(params.get('nonce')).toBeTruthy()

  release()
  await expect(page.getByTestId('email')).toHaveText('ada.lovelace@example.com')
  await expect(page.getByTestId('last-renewal')).toContainText('restoring your session on load')
  await page.waitForLoadState('networkidle')
  expect(silentAuthorizations(page, requests)).toHaveLength(1) // no second attempt of its own
  expect(tokenRequests(requests)).toHaveLength(1)
  expect(await sawSignInButton(page)).toBe(false)
  await expect(page.locator('iframe')).toHaveCount(0)

  // Taken once, and prepared again for the next load, which restores early too.
  await expect.poll(() => hasEarlyRequest(page)).toBe(true)
  await page.unroute(/\/assets\/[^/]+\.js$/)
  await page.reload()
  await expect(page.getByTestId('email')).toHaveText('ada.lovelace@example.com')
  await page.waitForLoadState('networkidle')
  expect(silentAuthorizations(page, requests)).toHaveLength(2)
  expect(tokenRequests(requests)).toHaveLength(2)
})

test('after signing out, a reload asks the provider nothing', async ({ page }) => {
  await page.goto('/')
  await signIn(page)
  await expect.poll(() => hasEarlyRequest(page)).toBe(true)
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByRole('button', { name: 'Sign in with Google' })).toBeVisible()
  expect(await hasEarlyRequest(page)).toBe(false)
  const requests = recordRequests(page)
  await page.reload()
  await page.waitForLoadState('networkidle')
  expect(authorizationRequests(requests)).toEqual([])
  await expect(page.getByRole('button', { name: 'Sign in with Google' })).toBeVisible()
})

test('when the session ended at the provider, the early answer ends the restore like the iframe’s: the signed-out page, no alert', async ({
  page,
  request,
}) => {
  await page.goto('/')
  await signIn(page)
  await expect.poll(() => hasEarlyRequest(page)).toBe(true)
  await endProviderSessions(request)
  const requests = recordRequests(page)
  await page.reload()
  await expect(page.getByRole('button', { name: 'Sign in with Google' })).toBeVisible()
  await page.waitForLoadState('networkidle')
  await expect(page.getByRole('alert')).toHaveCount(0)
  expect(tokenRequests(requests)).toHaveLength(0)
  // The early iframe's "login_required", then the one top-level round trip that tells the two apart.
  const answers = authorizationRequests(requests).map((r) => ({
    isFrame: r.frame() !== page.mainFrame(),
    prompt: new URL(r.url()).searchParams.get('prompt'),
  }))
  expect(answers).toEqual([
    { isFrame: true, prompt: 'none' },
    { isFrame: false, prompt: 'none' },
  ])
})
