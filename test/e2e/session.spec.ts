import type { Page, Request } from '@playwright/test'
import { endProviderSessions, expect, setScenario, test } from './fixtures.ts'
import {
  authorizationRequests,
  isProviderRequest,
  recordRequests,
  sawSignInButton,
  signIn,
  signInUntilRenewalNotice,
  tokenRequests,
  watchForSignInButton,
} from './helpers.ts'
import { APP_ORIGIN, PROVIDER_ORIGIN } from './ports.ts'

const SUB = '110248495921238986420'

/** Main-frame navigations from now on: silent renewal must cause none. */
function recordMainFrameNavigations(page: Page): string[] {
  const navigations: string[] = []
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) navigations.push(frame.url())
  })
  return navigations
}

async function accessTokenOf(request: Request | undefined): Promise<string> {
  const body = (await (await request?.response())?.json()) as { access_token?: string } | undefined
  return body?.access_token ?? ''
}

const silentAuthorizations = (page: Page, requests: Request[]) =>
  authorizationRequests(requests).filter((r) => r.frame() !== page.mainFrame())

test('renews the tokens in a hidden iframe before expiry, without navigating the page', async ({
  page,
  request,
}) => {
  await setScenario(request, { tokenTtlSeconds: 20 })
  await page.clock.install()
  const requests = recordRequests(page)
  await page.goto('/')
  await signIn(page)
  const navigations = recordMainFrameNavigations(page)
  await expect(page.getByTestId('last-renewal')).toContainText('by signing in')

  // Renewal starts halfway through the token's life: jump there instead of waiting.
  await page.clock.fastForward(10_500)
  await expect(page.getByTestId('last-renewal')).toContainText('silent renewal (hidden iframe)')

  const [silent] = silentAuthorizations(page, requests)
  const params = new URL(silent?.url() ?? 'about:blank').searchParams
  expect(params.get('prompt')).toBe('none')
  expect(params.get('login_hint')).toBe(SUB)
  expect(params.get('redirect_uri')).toBe(`${APP_ORIGIN}/silent-renew.html`)

  const tokens = tokenRequests(requests)
  expect(tokens).toHaveLength(2)
  expect(await accessTokenOf(tokens[1])).not.toBe(await accessTokenOf(tokens[0]))
  expect(navigations).toEqual([])
  expect(page.url()).toBe(`${APP_ORIGIN}/`)
  await expect(page.locator('iframe')).toHaveCount(0)
})

test('reload restores the session silently, without a flash of the signed-out view', async ({
  page,
}) => {
  const requests = recordRequests(page)
  await page.goto('/')
  await signIn(page)
  await watchForSignInButton(page)
  await page.reload()

  await expect(page.getByTestId('email')).toHaveText('ada.lovelace@example.com')
  await expect(page.getByTestId('last-renewal')).toContainText('restoring your session on load')
  expect(await sawSignInButton(page)).toBe(false)
  const silent = silentAuthorizations(page, requests)
  expect(silent).toHaveLength(1)
  expect(new URL(silent[0]?.url() ?? 'about:blank').searchParams.get('login_hint')).toBe(SUB)
})

test('reload after the provider session ended shows the ordinary signed-out view, no error', async ({
  page,
  request,
}) => {
  await page.goto('/')
  await signIn(page)
  await endProviderSessions(request)
  await page.reload()

  await expect(page.getByRole('button', { name: 'Sign in with Google' })).toBeVisible()
  await expect(page.getByRole('alert')).toHaveCount(0)
  expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([])

  // The hint is gone: the next reload does not even try.
  const requests = recordRequests(page)
  await page.reload()
  await expect(page.getByRole('button', { name: 'Sign in with Google' })).toBeVisible()
  expect(authorizationRequests(requests)).toHaveLength(0)
})

test('signing out in one tab signs out the other tabs, which revoke their own tokens', async ({
  context,
}) => {
  const first = await context.newPage()
  await first.goto('/')
  await signIn(first)
  const second = await context.newPage()
  const secondRequests = recordRequests(second)
  await second.goto('/account')
  await expect(second.getByTestId('email')).toHaveText('ada.lovelace@example.com')

  await first.getByRole('button', { name: 'Sign out' }).click()
  await expect(
    second.getByRole('status').filter({ hasText: 'You signed out in another tab' }),
  ).toBeVisible()
  await expect(second.getByRole('button', { name: 'Sign in with Google' })).toBeVisible()
  await expect
    .poll(() => secondRequests.filter((r) => isProviderRequest(r, '/token/revocation')).length)
    .toBe(1)
})

test('signing in in one tab lets an open signed-out tab pick up the session silently', async ({
  context,
}) => {
  const idle = await context.newPage()
  await idle.goto('/account')
  await expect(idle.getByRole('button', { name: 'Sign in with Google' })).toBeVisible()
  const idleRequests = recordRequests(idle)

  const active = await context.newPage()
  await active.goto('/')
  await signIn(active)

  await expect(idle.getByTestId('email')).toHaveText('ada.lovelace@example.com')
  expect(silentAuthorizations(idle, idleRequests)).toHaveLength(1)
  expect(idle.url()).toBe(`${APP_ORIGIN}/account`)
})

for (const variant of ['cookies withheld (cross-site app origin)', 'framing refused'] as const) {
  test(`when renewal fails (${variant}): bounded attempts, a notice, then "Stay signed in" returns to the same route`, async ({
    page,
    request,
  }) => {
    test.slow()
    const origin =
      variant === 'framing refused' ? APP_ORIGIN : APP_ORIGIN.replace('127.0.0.1', 'localhost')
    await setScenario(request, {
      tokenTtlSeconds: 30,
      refuseFraming: variant === 'framing refused',
    })
    const requests = recordRequests(page)
    await page.goto(`${origin}/`)
    await signIn(page)
    await page.getByRole('link', { name: 'Account' }).click()
    await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible()

    const notice = page.getByRole('status', { name: 'Session ending' })
    await expect(notice).toContainText('Your session ends in', { timeout: 28_000 })
    expect(silentAuthorizations(page, requests)).toHaveLength(3)
    expect(tokenRequests(requests)).toHaveLength(1)
    await expect(page.locator('iframe')).toHaveCount(0)

    await notice.getByRole('button', { name: 'Stay signed in' }).click()
    await expect(page.getByTestId('email')).toHaveText('ada.lovelace@example.com')
    expect(page.url()).toBe(`${origin}/account/`)
    const topLevel = authorizationRequests(requests).filter((r) => r.frame() === page.mainFrame())
    const params = new URL(topLevel.at(-1)?.url() ?? 'about:blank').searchParams
    expect(params.get('prompt')).toBe('none')
    expect(params.get('login_hint')).toBe(SUB)
    expect(tokenRequests(requests)).toHaveLength(2)
    await expect(page.getByRole('status', { name: 'Session ending' })).toHaveCount(0)
  })
}

test('at expiry the tokens are dropped and the signed-out view says why, with no call using the expired token', async ({
  page,
  request,
}) => {
  await signInUntilRenewalNotice(page, request)
  const requests = recordRequests(page)
  await page.clock.fastForward(20_000)
  await expect(page.getByRole('status').filter({ hasText: 'Your session ended' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Sign in with Google' })).toBeVisible()
  expect(requests.filter((r) => r.headers().authorization !== undefined)).toEqual([])
  // The hint (a sub) and the provider's public discovery document; nothing of the session, not
  // even the next load's restore request (it went with the session).
  expect(
    await page.evaluate(() => [...Object.keys(localStorage), ...Object.keys(sessionStorage)]),
  ).toEqual([
    'static-signin.hint:local-web-client.apps.localhost',
    `static-signin.metadata:${PROVIDER_ORIGIN}`,
  ])
})
