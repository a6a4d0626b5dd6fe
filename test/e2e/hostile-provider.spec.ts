import type { Page, Request } from '@playwright/test'
import type { HostileScenarioName } from '../provider/hostile-scenarios.ts'
import { expect, setScenario, test } from './fixtures.ts'
import {
  authorizationRequests,
  dumpAppStorage,
  recordRequests,
  startSignIn,
  tokenRequests,
  userinfoRequests,
} from './helpers.ts'
import { APP_ORIGIN } from './ports.ts'

/** What "handled" means (shared/docs/security.md), checked after every fault. */
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
  ['userinfo-other-sub', 'Your profile could not be loaded', 1, 1],
  ['userinfo-html', 'Your profile could not be loaded', 1, 1],
  ['userinfo-500', 'Your profile could not be loaded', 1, 1],
  ['token-500-html', 'The sign-in provider had a problem', 1, 0],
  ['token-invalid-grant-markup', 'This sign-in has expired', 1, 0],
  ['token-never-answers', 'The sign-in provider did not answer', 1, 0],
  ['authorization-denied-markup', 'Sign-in cancelled', 0, 0],
  ['authorization-wrong-iss', 'Sign-in response rejected', 0, 0],
  ['authorization-replaced-state', 'This sign-in link is no longer valid', 0, 0],
]

for (const [scenario, title, tokens, userinfos] of AT_THE_CALLBACK) {
  test(`handles a provider that answers with ${scenario}`, async ({ page, request }) => {
    await setScenario(request, { hostile: scenario })
    const errors = collectPageErrors(page)
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
