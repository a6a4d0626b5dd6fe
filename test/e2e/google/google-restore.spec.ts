import type { Page, Route } from '@playwright/test'
import { recordRequests, sawSignInButton, watchForSignInButton } from '../helpers.ts'
import { GOOGLE_APP_ORIGIN } from '../ports.ts'
import {
  expect,
  GOOGLE_EMAIL,
  GOOGLE_SUB,
  atTopLevel,
  googleAuthorizations,
  inIframe,
  paramsOf,
  googleRevocations,
  googleTokenRequests,
  setGoogleScenario,
  signInWithGoogle,
  test,
} from './google-fixtures.ts'

// Issue 18: Debian's Chromium withholds Google's cookies from the hidden iframe, as Safari,
// Firefox, Brave and private windows do. A reload must still find the person signed in: one
// top-level `prompt=none` round trip, where those cookies are first-party.

const AUTHORIZE = 'https://accounts.google.com/o/oauth2/v2/auth?*'
const DEEP_LINK = '/account/?from=bookmark#details'
const PATH_KEY = 'static-signin.restore-path:'

/** Records, from before the app's scripts, every status line the page shows (even for a frame). */
async function watchStatusLines(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = []
    ;(window as { __statusLines?: string[] }).__statusLines = seen
    new MutationObserver(() => {
      for (const node of document.querySelectorAll('[role="status"]')) {
        const text = node.textContent
        if (text && !seen.includes(text)) seen.push(text)
      }
    }).observe(document, { childList: true, subtree: true, characterData: true })
  })
}
const readStatusLines = (page: Page) =>
  page.evaluate(() => (window as { __statusLines?: string[] }).__statusLines ?? [])

/** Main-frame navigations from now on: a tab that is already open must make none on its own. */
function recordNavigations(page: Page): string[] {
  const navigations: string[] = []
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) navigations.push(frame.url())
  })
  return navigations
}

async function expectSignedInAt(page: Page, path: string): Promise<void> {
  await expect(page.getByTestId('email')).toHaveText(GOOGLE_EMAIL)
  expect(page.url()).toBe(`${GOOGLE_APP_ORIGIN}${path}`)
}

/** Signs in on the home page, then leaves the learning reload to the test. */
async function signInHere(page: Page): Promise<void> {
  await page.goto('/')
  await signInWithGoogle(page)
}

test('a reload restores through one top-level prompt=none round trip, to the same address, with no flash; the next loads skip the iframe', async ({
  page,
  context,
}) => {
  await signInHere(page)
  await watchForSignInButton(page)
  await watchStatusLines(page)
  const requests = recordRequests(page)
  await page.goto(DEEP_LINK)
  await expectSignedInAt(page, DEEP_LINK)
  expect(await sawSignInButton(page)).toBe(false)
  expect(await readStatusLines(page)).toContain('Restoring your session…')

  // First load: the iframe is tried and told login_required (no cookie reached it) …
  const iframe = inIframe(page, requests)
  expect(iframe).toHaveLength(1)
  expect((await iframe[0]?.response())?.headers().location).toContain('error=login_required')
  // … then one top-level round trip, for this account, carrying the usual PKCE, state and nonce.
  const [topLevel, ...more] = atTopLevel(page, requests)
  expect(more).toEqual([])
  const params = paramsOf(topLevel)
  expect(params.get('prompt')).toBe('none')
  expect(params.get('login_hint')).toBe(GOOGLE_SUB)
  expect(params.get('code_challenge_method')).toBe('S256')
  expect(params.get('nonce')).toMatch(/^[\w-]{20,}$/)
  expect(params.get('state')).toMatch(/;restore$/)
  expect(googleTokenRequests(requests)).toHaveLength(1)
  expect(
    await page.evaluate(
      (key) => localStorage.getItem(key),
      `${PATH_KEY}${params.get('client_id') ?? ''}`,
    ),
  ).toMatch(/^\d+$/)

  // The browser taught the app: a reload now goes straight to the top-level path.
  requests.length = 0
  await page.reload()
  await expectSignedInAt(page, DEEP_LINK)
  expect(inIframe(page, requests)).toEqual([])
  expect(atTopLevel(page, requests)).toHaveLength(1)

  // A new tab: the same.
  const tab = await context.newPage()
  const tabRequests = recordRequests(tab)
  await tab.goto('/')
  await expectSignedInAt(tab, '/')
  await expect(tab.getByTestId('last-renewal')).toContainText('restoring your session on load')
  expect(inIframe(tab, tabRequests)).toEqual([])
  expect(atTopLevel(tab, tabRequests)).toHaveLength(1)
})

test('where Google’s session has ended: one top-level attempt, then the ordinary signed-out page, no alert, and no attempt on the next reload', async ({
  page,
  request,
}) => {
  await signInHere(page)
  await page.reload() // learns the top-level path
  await expect(page.getByTestId('email')).toHaveText(GOOGLE_EMAIL)
  await setGoogleScenario(request) // signs out of "Google"
  const requests = recordRequests(page)
  await page.goto(DEEP_LINK)
  await expect(page.getByRole('button', { name: 'Sign in with Google' })).toBeVisible()
  expect(page.url()).toBe(`${GOOGLE_APP_ORIGIN}${DEEP_LINK}`)
  await expect(page.getByRole('alert')).toHaveCount(0)
  const [attempt, ...more] = atTopLevel(page, requests)
  expect(more).toEqual([])
  expect((await attempt?.response())?.headers().location).toContain('error=login_required')
  expect(googleTokenRequests(requests)).toEqual([])

  requests.length = 0
  await page.reload()
  await expect(page.getByRole('button', { name: 'Sign in with Google' })).toBeVisible()
  expect(googleAuthorizations(requests)).toEqual([])
})

test('after signing out, a reload makes no attempt of any kind', async ({ page }) => {
  await signInHere(page)
  await page.reload()
  await expect(page.getByTestId('email')).toHaveText(GOOGLE_EMAIL)
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByRole('button', { name: 'Sign in with Google' })).toBeVisible()
  const requests = recordRequests(page)
  await page.reload()
  await expect(page.getByRole('button', { name: 'Sign in with Google' })).toBeVisible()
  expect(googleAuthorizations(requests)).toEqual([])
})

/** Holds this page's next top-level request to Google until the test lets it go. */
async function holdNextTopLevelAuthorization(page: Page): Promise<{
  reached: Promise<void>
  release: () => Promise<void>
}> {
  let reach: () => void = () => undefined
  const reached = new Promise<void>((resolve) => {
    reach = resolve
  })
  let held: Route | undefined
  await page.route(AUTHORIZE, async (route) => {
    if (route.request().frame() !== page.mainFrame() || held) {
      await route.continue()
      return
    }
    held = route
    reach()
  })
  return {
    reached,
    release: async () => {
      await held?.continue()
    },
  }
}

test('a sign-out in another tab while this one is at Google: the answer is refused and revoked, the tab shows signed out', async ({
  page,
  context,
}) => {
  await signInHere(page)
  const other = await context.newPage()
  await other.goto('/')
  await expect(other.getByTestId('email')).toHaveText(GOOGLE_EMAIL) // restored at top level
  const requests = recordRequests(other)
  const hold = await holdNextTopLevelAuthorization(other)
  const reloading = other.reload()
  await hold.reached // the other tab is on its way to Google …
  await page.getByRole('button', { name: 'Sign out' }).click() // … when the person signs out here
  await expect(page.getByRole('button', { name: 'Sign in with Google' })).toBeVisible()
  await hold.release()
  await reloading
  await expect(other.getByRole('button', { name: 'Sign in with Google' })).toBeVisible()
  await expect(other.getByText('You signed out in another tab')).toBeVisible()
  await expect(other.getByTestId('email')).toHaveCount(0)
  // It had the code redeemed (it could not know before), then revoked what came back.
  await expect.poll(() => googleRevocations(requests).length).toBe(1)
  expect(googleTokenRequests(requests)).toHaveLength(1)
})

test('an open signed-out tab offers "Continue as <name>" when another tab signs in, and never navigates on its own', async ({
  page,
  context,
}) => {
  await page.goto('/account/?draft=1')
  await expect(page.getByRole('button', { name: 'Sign in with Google' })).toBeVisible()
  const navigations = recordNavigations(page)
  const other = await context.newPage()
  await signInHere(other)
  const offer = page.getByRole('status', { name: 'Continue your session' })
  await expect(offer).toContainText('You are signed in in another tab.')
  await page.waitForTimeout(1_000) // time to do something it must not
  expect(navigations).toEqual([])
  const requests = recordRequests(page)
  await offer.getByRole('button', { name: 'Continue as Ada Lovelace' }).click()
  await expectSignedInAt(page, '/account/?draft=1')
  const [topLevel] = atTopLevel(page, requests)
  expect(paramsOf(topLevel).get('prompt')).toBe('none')
  expect(paramsOf(topLevel).get('login_hint')).toBe(GOOGLE_SUB)
})

test('a page opened with an authorization error never leaves on its own; one click continues', async ({
  page,
}) => {
  await signInHere(page)
  const requests = recordRequests(page)
  await page.goto('/account/?error=login_required&state=forged')
  const offer = page.getByRole('status', { name: 'Continue your session' })
  await expect(offer).toBeVisible()
  expect(page.url()).toBe(`${GOOGLE_APP_ORIGIN}/account/`)
  expect(atTopLevel(page, requests)).toEqual([])
  await offer.getByRole('button', { name: 'Continue your session' }).click()
  await expectSignedInAt(page, '/account/')
})

test('a round trip whose answer never came back is not repeated by the next load', async ({
  page,
}) => {
  await signInHere(page)
  await page.route(AUTHORIZE, (route) =>
    route.request().frame() === page.mainFrame() ? route.abort() : route.continue(),
  )
  const lost = page.waitForEvent('requestfailed', (r) => r.url().startsWith(AUTHORIZE.slice(0, -2)))
  await page.reload() // the iframe fails, the page leaves, the answer is lost …
  await lost
  await page.unroute(AUTHORIZE)
  const requests = recordRequests(page)
  await page.goto('/')
  await expect(page.getByRole('status', { name: 'Continue your session' })).toBeVisible()
  expect(atTopLevel(page, requests)).toEqual([])
})
