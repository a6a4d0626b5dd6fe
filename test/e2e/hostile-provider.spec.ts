import type { Page, Request } from '@playwright/test'
import type { HostileScenarioName } from '../provider/hostile-scenarios.ts'
import { expect, setScenario, test } from './fixtures.ts'
import {
  authorizationRequests,
  dumpAppStorage,
  isProviderRequest,
  recordRequests,
  showErrorAlert,
  signIn,
  startSignIn,
  tokenRequests,
  userinfoRequests,
} from './helpers.ts'
import { APP_ORIGIN } from './ports.ts'

/** What "handled" means (docs/security-requirements.md), checked after every fault. */
async function expectHandled(
  page: Page,
  requests: Request[],
  errors: Error[],
  title: string,
): Promise<void> {
  const alert = page.getByRole('alert')
  await expect(alert).toContainText(title)
  await expect(alert.getByRole('button', { name: 'Try again' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Sign in with Google' })).toBeVisible()
  await page.waitForLoadState('networkidle')
  expect(page.url()).toBe(`${APP_ORIGIN}/`)
  // Nothing from the provider became an element or ran.
  await expect(
    page.locator('img[src="x"], a[href^="https://evil"], a[href^="javascript:"], main script'),
  ).toHaveCount(0)
  expect(await page.evaluate(() => 'pwned' in window)).toBe(false)
  // No token anywhere, no sign-in state left behind.
  const storage = await dumpAppStorage(page)
  expect(storage).not.toMatch(/oidc\.|static-signin\.hint/)
  for (const token of await issuedTokens(requests)) expect(storage).not.toContain(token)
  expect(errors).toEqual([])
  expect(await page.evaluate(() => 'sawSignedIn' in window)).toBe(false)
}

/**
 * Marks the window the moment anything of the signed-in view enters the page: a MutationObserver
 * runs before the browser paints, so this catches even a single frame.
 */
async function watchForSignedInView(page: Page): Promise<void> {
  await page.addInitScript(() => {
    new MutationObserver(() => {
      const headings = Array.from(document.querySelectorAll('h1'))
      if (
        document.querySelector('[data-testid="email"]') ||
        headings.some((h) => h.textContent.startsWith('Welcome'))
      ) {
        Object.assign(window, { sawSignedIn: true })
      }
    }).observe(document, { childList: true, subtree: true, characterData: true })
  })
}

async function issuedTokens(requests: Request[]): Promise<string[]> {
  const bodies = await Promise.all(
    tokenRequests(requests).map(async (r) => (await r.response())?.text().catch(() => '') ?? ''),
  )
  return bodies.flatMap((body) =>
    [...body.matchAll(/"(?:access|id)_token":"([^"]+)"/g)].map((m) => m[1] ?? ''),
  )
}

function collectPageErrors(page: Page): Error[] {
  const errors: Error[] = []
  page.on('pageerror', (error) => errors.push(error))
  return errors
}

/** scenario → what the person reads, and how many token / userinfo requests may happen at all. */
const AT_THE_CALLBACK: [HostileScenarioName, string, number, number][] = [
  ['id-token-wrong-iss', 'Sign-in response rejected', 1, 0],
  ['id-token-wrong-aud', 'Sign-in response rejected', 1, 0],
  ['id-token-no-sub', 'Sign-in response rejected', 1, 0],
  ['id-token-no-iat', 'Sign-in response rejected', 1, 0],
  ['id-token-expired', 'Sign-in response rejected', 1, 0],
  ['id-token-wrong-nonce', 'Sign-in response rejected', 1, 0],
  ['id-token-no-nonce', 'Sign-in response rejected', 1, 0],
  ['token-500-html', 'The sign-in provider had a problem', 1, 0],
  ['token-invalid-grant-markup', 'This sign-in has expired', 1, 0],
  ['token-never-answers', 'The sign-in provider did not answer', 1, 0],
  ['token-not-openid', 'Sign-in response rejected', 1, 0],
  ['token-no-id-token', 'Sign-in response rejected', 1, 0],
  ['token-id-token-not-jwt', 'Sign-in response rejected', 1, 0],
  ['token-no-access-token', 'Sign-in response rejected', 1, 0],
  ['token-type-mac', 'Sign-in response rejected', 1, 0],
  ['token-scope-without-openid', 'Sign-in response rejected', 1, 0],
  ['token-expires-in-zero', 'Sign-in response rejected', 1, 0],
  ['token-expires-in-negative', 'Sign-in response rejected', 1, 0],
  ['token-expires-in-text', 'Sign-in response rejected', 1, 0],
  ['token-expires-in-absurd', 'Sign-in response rejected', 1, 0],
  ['authorization-denied-markup', 'Sign-in cancelled', 0, 0],
  ['authorization-wrong-iss', 'Sign-in response rejected', 0, 0],
  ['authorization-replaced-state', 'This sign-in link is no longer valid', 0, 0],
]

for (const [scenario, title, tokens, userinfos] of AT_THE_CALLBACK) {
  test(`handles a provider that answers with ${scenario}`, async ({ page, request }) => {
    await setScenario(request, { hostile: scenario })
    const errors = collectPageErrors(page)
    await watchForSignedInView(page)
    await page.clock.install()
    const requests = recordRequests(page)
    await page.goto('/')
    await startSignIn(page)
    await page.getByRole('button', { name: 'Continue' }).click()
    if (scenario === 'token-never-answers') {
      await expect.poll(() => tokenRequests(requests).length).toBe(1)
      await page.clock.fastForward(10_100) // the library's request timeout, without the wait
    }
    await expectHandled(page, requests, errors, title)
    expect(tokenRequests(requests)).toHaveLength(tokens)
    expect(userinfoRequests(requests)).toHaveLength(userinfos)
  })
}

// Userinfo comes after the sign-in, off the critical path: the page first shows the validated ID
// token's claims, and only an answer with the same sub is ever shown.
test('userinfo for another account ends the new session as an alert, revoked; nothing of it is shown', async ({
  page,
  request,
}) => {
  const errors = collectPageErrors(page)
  await page.addInitScript(() => {
    new MutationObserver(() => {
      // The documentElement: the observer fires before <body> exists.
      if (/Mallory|mallory@/.test(document.documentElement.textContent))
        Object.assign(window, { sawOther: true })
    }).observe(document, { childList: true, subtree: true, characterData: true })
  })
  const requests = recordRequests(page)
  await showErrorAlert(page, request, 'userinfo-other-sub', 'Your profile could not be loaded')
  await expect(page.getByRole('alert').getByRole('button', { name: 'Try again' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Sign in with Google' })).toBeVisible()
  await page.waitForLoadState('networkidle')
  expect(await page.evaluate(() => 'sawOther' in window)).toBe(false)
  expect(tokenRequests(requests)).toHaveLength(1)
  expect(userinfoRequests(requests)).toHaveLength(1)
  expect(requests.filter((r) => isProviderRequest(r, '/token/revocation'))).toHaveLength(1)
  const storage = await dumpAppStorage(page)
  expect(storage).not.toMatch(/oidc\.|static-signin\.hint/)
  for (const token of await issuedTokens(requests)) expect(storage).not.toContain(token)
  expect(errors).toEqual([])
})

for (const scenario of ['userinfo-html', 'userinfo-500'] as const) {
  test(`with ${scenario}, the person is signed in from the ID token, told the profile did not load`, async ({
    page,
    request,
  }) => {
    await setScenario(request, { hostile: scenario })
    const errors = collectPageErrors(page)
    const requests = recordRequests(page)
    await page.goto('/')
    await signIn(page) // the email, from the validated ID token
    await expect(
      page.getByRole('status').filter({ hasText: 'Your profile could not be loaded' }),
    ).toBeVisible()
    await expect(page.getByRole('button', { name: 'Reload profile' })).toBeVisible()
    await expect(page.locator('img[src="x"], a[href^="https://evil"], main script')).toHaveCount(0)
    expect(await page.evaluate(() => 'pwned' in window)).toBe(false)
    expect(userinfoRequests(requests)).toHaveLength(1)
    expect(errors).toEqual([])
  })
}

test('shows provider-supplied markup as inert text', async ({ page, request }) => {
  await setScenario(request, { hostile: 'token-invalid-grant-markup' })
  await page.goto('/')
  await startSignIn(page)
  await page.getByRole('button', { name: 'Continue' }).click()
  await page.getByText('Technical details').click()
  await expect(page.getByRole('alert')).toContainText(
    'invalid_grant: <img src=x onerror="window.pwned=1">',
  )
})

for (const [scenario, title] of [
  ['discovery-unreachable', 'Cannot reach the sign-in provider'],
  ['discovery-other-issuer', 'Sign-in is misconfigured'],
] as const) {
  test(`handles ${scenario}: no redirect, a message, a retry`, async ({ page, request }) => {
    await setScenario(request, { hostile: scenario })
    const errors = collectPageErrors(page)
    const requests = recordRequests(page)
    await page.goto('/')
    await page.getByRole('button', { name: 'Sign in with Google' }).click()
    await expectHandled(page, requests, errors, title)
    expect(authorizationRequests(requests)).toHaveLength(0)
    expect(tokenRequests(requests)).toHaveLength(0)
  })
}

/** Renewal answers that must be rejected; the session must stay exactly as it was. */
const AT_RENEWAL: [HostileScenarioName, RegExp][] = [
  ['token-not-openid', /does not include "openid"/],
  ['token-expires-in-zero', /expires_in is 0/],
  ['token-type-mac', /token_type is "MAC"/],
  ['id-token-wrong-aud', /aud/],
  ['id-token-stale', /expired/],
]

for (const [scenario, cause] of AT_RENEWAL) {
  test(`a renewal answered with ${scenario} is a failed attempt; the session stays as it was`, async ({
    page,
    request,
  }) => {
    test.slow()
    await setScenario(request, { tokenTtlSeconds: 20 })
    const errors = collectPageErrors(page)
    const requests = recordRequests(page)
    await page.goto('/')
    await signIn(page)
    const lastTokens = await page.getByTestId('last-renewal').textContent()
    await setScenario(request, { tokenTtlSeconds: 20, hostile: scenario })

    // Real time, not a fake clock: each iframe attempt has a 1 s time box that a fast-forward
    // would end early. Renewal starts halfway through the 20 s life; three attempts, 1 s and 2 s apart.
    const notice = page.getByRole('status', { name: 'Session ending' })
    await expect(notice).toContainText('Sign-in response rejected', { timeout: 17_000 })
    expect(tokenRequests(requests)).toHaveLength(4)
    await expect(page.getByText(`Last renewal failed: Sign-in response rejected.`)).toContainText(
      cause,
    )
    // Exactly as it was: same person, same tokens, no profile request with rejected tokens.
    await expect(page.getByTestId('email')).toHaveText('ada.lovelace@example.com')
    await expect(page.getByTestId('last-renewal')).toHaveText(lastTokens ?? '')
    expect(userinfoRequests(requests)).toHaveLength(1)
    const storage = await dumpAppStorage(page)
    for (const token of await issuedTokens(requests)) expect(storage).not.toContain(token)
    expect(errors).toEqual([])
  })
}

test('the watcher behind "nothing shown as signed in" does see a real sign-in', async ({
  page,
}) => {
  await watchForSignedInView(page)
  await page.goto('/')
  await signIn(page)
  expect(await page.evaluate(() => 'sawSignedIn' in window)).toBe(true)
})
