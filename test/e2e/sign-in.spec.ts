import { expect, test } from './fixtures.ts'
import { APP_ORIGIN, PROVIDER_ORIGIN } from './ports.ts'
import {
  authorizationRequests,
  dumpAppStorage,
  isProviderRequest,
  recordRequests,
  signIn,
  startSignIn,
  tokenRequests,
  userinfoRequests,
} from './helpers.ts'

test('signs in with PKCE and shows the email from userinfo, with a clean address bar', async ({
  page,
}) => {
  const requests = recordRequests(page)
  await page.goto('/')
  await expect(page.getByRole('complementary', { name: 'Local test provider' })).toContainText(
    'Local test provider in use',
  )
  await signIn(page)

  expect(page.url()).toBe(`${APP_ORIGIN}/`)
  await expect(page.getByRole('heading', { name: 'Welcome, Ada Lovelace' })).toBeVisible()
  await expect(page.getByText('verified', { exact: true })).toBeVisible()
  await expect(page.getByText('example.com', { exact: true })).toBeVisible()
  await expect(page.getByText('openid email profile')).toBeVisible()

  const [authorization] = authorizationRequests(requests)
  const params = new URL(authorization?.url() ?? 'about:blank').searchParams
  expect(params.get('response_type')).toBe('code')
  expect(params.get('code_challenge_method')).toBe('S256')
  expect(params.get('code_challenge')).toMatch(/^[\w-]{43}$/)
  expect(params.get('state')).toMatch(/^[\w-]{20,}$/)
  expect(params.get('nonce')).toMatch(/^[\w-]{40,}$/)
  expect(params.get('scope')).toBe('openid email profile')
  expect(params.get('redirect_uri')).toBe(`${APP_ORIGIN}/`)
  // Discovery once, before the click; the callback page reuses it (oidc/metadata-cache.ts).
  const discoveries = requests.filter((r) =>
    isProviderRequest(r, '/.well-known/openid-configuration'),
  )
  expect(discoveries).toHaveLength(1)
  expect(requests.findIndex((r) => discoveries.includes(r))).toBeLessThan(
    requests.findIndex((r) => r === authorization),
  )

  const tokens = tokenRequests(requests)
  expect(tokens).toHaveLength(1)
  const form = new URLSearchParams(tokens[0]?.postData() ?? '')
  expect(form.get('grant_type')).toBe('authorization_code')
  expect(form.get('code_verifier')).toMatch(/^[\w-]{43,128}$/)
  expect(form.get('client_secret')).toBeTruthy()

  const userinfo = userinfoRequests(requests)
  expect(userinfo).toHaveLength(1)
  const accessToken = ((await (await tokens[0]?.response())?.json()) as { access_token: string })
    .access_token
  expect(await userinfo[0]?.headerValue('authorization')).toBe(`Bearer ${accessToken}`)
  expect(userinfo[0]?.url()).not.toContain(accessToken)

  await expect.poll(() => dumpAppStorage(page)).toContain('static-signin.early-restore:')
  const storage = await dumpAppStorage(page)
  expect(storage).not.toContain(accessToken)
  expect(storage).toBe(await dumpAppStorage(page)) // stable
  // Only the non-secret restore hint (the sub), the provider's public discovery document (kept
  // for the callback page) and the next load's restore request are kept; never a token.
  expect(JSON.parse(storage.slice(0, storage.lastIndexOf(' ')))).toEqual({
    // The sub, and the sign-out epoch its session began at (a number, never a token).
    local: {
      'static-signin.hint:local-web-client.apps.localhost': expect.stringMatching(
        /^110248495921238986420 \d+$/,
      ) as unknown,
    },
    session: {
      [`static-signin.metadata:${PROVIDER_ORIGIN}`]: expect.stringContaining(
        `"token_endpoint":"${PROVIDER_ORIGIN}/token"`,
      ) as unknown,
      // This tab's next load restores early (early-restore.ts): the request's URL, and its state
      // (PKCE verifier, nonce) in the library's state store, as every pending request's is.
      'static-signin.early-restore:local-web-client.apps.localhost': expect.stringMatching(
        /^\{"url":"http:\/\/127\.0\.0\.1:\d+\/auth\?[^"]*prompt=none[^"]*","state":"(\w+)","loginHint":"110248495921238986420"\}$/,
      ) as unknown,
      [`oidc.${earlyState(storage)}`]: expect.stringContaining(
        '"request_type":"si:s:early"',
      ) as unknown,
    },
    indexedDB: [],
    cookie: '',
  })
})

test('makes no request between the click and the navigation to the authorization endpoint', async ({
  page,
}) => {
  await page.goto('/')
  await expect(page.getByRole('button', { name: 'Sign in with Google' })).toBeEnabled()
  await page.waitForLoadState('networkidle')
  const requests = recordRequests(page)
  await startSignIn(page)
  expect(requests[0]?.url()).toMatch(/\/auth\?/)
  expect(requests[0]?.isNavigationRequest()).toBe(true)
})

test('returns to the page where sign-in started', async ({ page }) => {
  await page.goto('/account?tab=security#keys')
  await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible()
  await signIn(page)
  expect(page.url()).toBe(`${APP_ORIGIN}/account?tab=security#keys`)
  await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible()
})

/** The state id of the early restore request in a storage dump. */
function earlyState(storage: string): string {
  return /\\"state\\":\\"(\w+)\\"/.exec(storage)?.[1] ?? 'none'
}
