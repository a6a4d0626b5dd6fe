import { expect, type APIRequestContext, type Page, type Request } from '@playwright/test'
import type { HostileScenarioName } from '../provider/hostile-scenarios.ts'
import { WATCH_SIGN_IN_BUTTON } from './engines/app-steps.ts'
import { setScenario } from './fixtures.ts'
import { APP_ORIGIN, PROVIDER_ORIGIN } from './ports.ts'

/** Every request the page makes, in order, as the browser saw them. */
export function recordRequests(page: Page): Request[] {
  const requests: Request[] = []
  page.on('request', (request) => requests.push(request))
  return requests
}

export function isProviderRequest(request: Request, path: string): boolean {
  const url = new URL(request.url())
  return url.origin === PROVIDER_ORIGIN && url.pathname === path
}

export const tokenRequests = (requests: Request[]) =>
  requests.filter((r) => isProviderRequest(r, '/token') && r.method() === 'POST')
export const userinfoRequests = (requests: Request[]) =>
  requests.filter((r) => isProviderRequest(r, '/me') && r.method() === 'GET')
export const authorizationRequests = (requests: Request[]) =>
  requests.filter((r) => isProviderRequest(r, '/auth'))

/** Clicks "Sign in with Google" and waits for the provider's account chooser. */
export async function startSignIn(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign in with Google' }).click()
  await expect(page.getByRole('heading', { name: 'Choose an account' })).toBeVisible()
}

/** The whole sign-in from the app's current page; ends when the email is shown. */
export async function signIn(page: Page): Promise<void> {
  await startSignIn(page)
  await page.getByRole('button', { name: 'Continue' }).click()
  await expect(page.getByTestId('email')).toHaveText('ada.lovelace@example.com')
}

/** Everything the app's origin keeps in the browser, as one string to search for secrets. */
export async function dumpAppStorage(page: Page, appOrigin = APP_ORIGIN): Promise<string> {
  const web = await page.evaluate(async () => {
    const dump = (storage: Storage) =>
      Object.fromEntries(
        Array.from({ length: storage.length }, (_, i) => storage.key(i) ?? '').map((k) => [
          k,
          storage.getItem(k),
        ]),
      )
    const databases = await indexedDB.databases()
    return JSON.stringify({
      local: dump(localStorage),
      session: dump(sessionStorage),
      indexedDB: databases.map((d) => d.name),
      cookie: document.cookie,
    })
  })
  const cookies = await page.context().cookies(appOrigin)
  return `${web} ${JSON.stringify(cookies)}`
}

/**
 * Rewrites the next authorization response on its way from the provider to the app, the way an
 * attacker or a broken proxy could: `mutate` gets the callback URL and returns the one to deliver.
 * Playwright does not route redirect targets, so the provider's redirects are followed here (with
 * the browser context's cookies) until one points at the app.
 */
export async function tamperWithCallback(
  page: Page,
  mutate: (callback: URL) => string,
): Promise<void> {
  let isDone = false
  await page.route(
    (url) =>
      url.origin === PROVIDER_ORIGIN &&
      /^\/(auth|interaction\/[\w-]+\/continue)$/.test(url.pathname),
    async (route) => {
      if (isDone) {
        await route.fallback()
        return
      }
      let response = await route.fetch({ maxRedirects: 0 })
      for (let hop = 0; hop < 5; hop += 1) {
        const location = response.headers().location
        if (location === undefined) break
        const target = new URL(location, PROVIDER_ORIGIN)
        if (target.origin === APP_ORIGIN) {
          isDone = true
          await route.fulfill({ status: 303, headers: { location: mutate(target) } })
          return
        }
        response = await page.context().request.get(target.href, { maxRedirects: 0 })
      }
      await route.fulfill({ response })
    },
  )
}

/** Every Content-Security-Policy violation the page reports, as console lines, from now on. */
export async function collectCspViolations(page: Page): Promise<string[]> {
  const violations: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy|Trusted Type/i.test(message.text()))
      violations.push(message.text())
  })
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(
        `Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`,
      )
    })
  })
  return violations
}

/**
 * From the next load on, records whether the signed-out view's sign-in button ever entered the
 * page, even for a frame: a restored session must show no flash of it. Read with
 * {@link sawSignInButton}. The same script the engine matrix uses.
 */
export async function watchForSignInButton(page: Page): Promise<void> {
  await page.addInitScript(WATCH_SIGN_IN_BUTTON)
}

export function sawSignInButton(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as { __sawSignInButton?: boolean }).__sawSignInButton === true)
}

/** Signs in from the home page and lets the provider's answer fail: ends on the app's alert. */
export async function showErrorAlert(
  page: Page,
  request: APIRequestContext,
  hostile: HostileScenarioName,
  title: string,
): Promise<void> {
  await setScenario(request, { hostile })
  await page.goto('/')
  await startSignIn(page)
  await page.getByRole('button', { name: 'Continue' }).click()
  await expect(page.getByRole('alert')).toContainText(title)
  await page.getByText('Technical details').click() // the provider's text, open
}

/**
 * Signs in with 20-second tokens on the cross-site origin, where renewal fails, and ends when the
 * "Session ending" notice shows. The page's clock is installed: fast-forward it to reach expiry.
 */
export async function signInUntilRenewalNotice(page: Page, request: APIRequestContext) {
  await setScenario(request, { tokenTtlSeconds: 20 })
  await page.clock.install()
  await page.goto(APP_ORIGIN.replace('127.0.0.1', 'localhost') + '/')
  await signIn(page)
  await expect(page.getByRole('status', { name: 'Session ending' })).toBeVisible({
    timeout: 20_000,
  })
}
