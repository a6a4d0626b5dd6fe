import type { Page, Route } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { authorizationRequests, recordRequests, signIn } from './helpers.ts'
import { APP_ORIGIN } from './ports.ts'

// Every page is prerendered signed out (src/prerender.tsx) and carries the boot script
// (packages/static-signin/src/config/boot.ts). These tests hold the app's own JavaScript back, and let it go when they
// choose, to see the page before the app runs.

const isAppEntry = (url: URL) =>
  url.origin === APP_ORIGIN && /^\/assets\/index-.*\.js$/.test(url.pathname)
const isEngine = (url: string) => /\/assets\/session-engine-.*\.js$/.test(url)

/** Holds the app's entry script until `release` is called. */
async function holdAppScript(page: Page): Promise<{ release: () => Promise<void> }> {
  const held: Route[] = []
  let isReleased = false
  await page.route(isAppEntry, async (route) => {
    if (isReleased) await route.continue()
    else held.push(route)
  })
  return {
    release: async () => {
      isReleased = true
      await expect.poll(() => held.length).toBeGreaterThan(0)
      for (const route of held.splice(0)) await route.continue()
    },
  }
}

test('with JavaScript off, every page still shows its signed-out view and the button', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  for (const [path, heading] of [
    ['/', 'Sign in with Google, no backend'],
    ['/account/', 'Your account'],
    ['/sign-in/', 'Sign in to continue'],
  ] as const) {
    await page.goto(path)
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Sign in with Google' })).toBeVisible()
  }
  await context.close()
})

test('a click on the button before the app is ready is kept, and signs in once it is', async ({
  page,
}) => {
  const requests = recordRequests(page)
  const script = await holdAppScript(page)
  await page.goto('/account/', { waitUntil: 'commit' })
  const button = page.getByRole('button', { name: 'Sign in with Google' })
  await button.click()
  await expect(page.locator('html')).toHaveAttribute('data-early-click', '')
  expect(authorizationRequests(requests)).toHaveLength(0)

  await script.release()
  await expect(page.getByRole('heading', { name: 'Choose an account' })).toBeVisible()
  await page.getByRole('button', { name: 'Continue' }).click()
  await expect(page.getByTestId('email')).toHaveText('ada.lovelace@example.com')
  expect(page.url()).toBe(`${APP_ORIGIN}/account/`) // came back where the click was
  expect(authorizationRequests(requests)).toHaveLength(1)
})

test('a returning visit fetches the sign-in engine beside the app, a first visit does not', async ({
  page,
}) => {
  await page.goto('/')
  await signIn(page)

  // Returning (the session hint is set): the engine is requested while the app's script is held.
  const returning = recordRequests(page)
  const first = await holdAppScript(page)
  await page.reload({ waitUntil: 'commit' })
  await expect.poll(() => returning.some((r) => isEngine(r.url()))).toBe(true)
  await first.release()
  await expect(page.getByTestId('email')).toHaveText('ada.lovelace@example.com')
  await page.unrouteAll()

  // First visit: nothing but the app's script until it runs.
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByRole('status')).toContainText('You are signed out')
  const fresh = recordRequests(page)
  const second = await holdAppScript(page)
  await page.reload({ waitUntil: 'commit' })
  await expect(page.getByRole('button', { name: 'Sign in with Google' })).toBeVisible()
  // The boot script ran before the body was parsed; only the held script could ask for more.
  expect(fresh.filter((r) => isEngine(r.url()))).toEqual([])
  await second.release()
  await expect.poll(() => fresh.some((r) => isEngine(r.url()))).toBe(true)
})
