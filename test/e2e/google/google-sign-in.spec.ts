import { collectCspViolations, recordRequests } from '../helpers.ts'
import { GOOGLE_APP_ORIGIN } from '../ports.ts'
import {
  expect,
  GOOGLE_EMAIL,
  GOOGLE_SUB,
  googleAuthorizations,
  googleRevocations,
  googleTokenRequests,
  googleUserinfoRequests,
  setGoogleScenario,
  signInWithGoogle,
  startGoogleSignIn,
  test,
} from './google-fixtures.ts'

test('the Google build signs in against Google’s hostnames, paths and shapes, under its own CSP', async ({
  page,
}) => {
  const violations = await collectCspViolations(page)
  const requests = recordRequests(page)
  await page.goto('/')
  await startGoogleSignIn(page)

  const authorization = new URL(googleAuthorizations(requests)[0]?.url() ?? 'about:blank')
  expect(authorization.origin + authorization.pathname).toBe(
    'https://accounts.google.com/o/oauth2/v2/auth',
  )
  expect(authorization.searchParams.get('redirect_uri')).toBe(`${GOOGLE_APP_ORIGIN}/`)
  expect(authorization.searchParams.get('code_challenge_method')).toBe('S256')
  expect(authorization.searchParams.get('client_id')).toMatch(/\.apps\.googleusercontent\.com$/)
  // Nothing was fetched between the click and Google: the metadata is embedded.
  expect(requests.filter((r) => r.resourceType() === 'fetch')).toEqual([])

  await page.getByRole('button', { name: 'Continue' }).click()
  await expect(page.getByTestId('email')).toHaveText(GOOGLE_EMAIL)
  expect(page.url()).toBe(`${GOOGLE_APP_ORIGIN}/`)

  const [token] = googleTokenRequests(requests)
  const form = new URLSearchParams(token?.postData() ?? '')
  expect(form.get('client_secret')).toBe('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veryone')
  expect(form.get('code_verifier')).toMatch(/^[\w-]{43,128}$/)
  expect(form.get('grant_type')).toBe('authorization_code')
  const [userinfo] = googleUserinfoRequests(requests)
  expect(await userinfo?.headerValue('authorization')).toMatch(/^Bearer ya29\./)
  expect(new URL(userinfo?.url() ?? 'about:blank').search).toBe('')

  // Google's long-form scopes read as what the app asked for.
  await expect(page.getByTestId('scopes')).toHaveText('profile email openid')
  await expect(page.getByText('Organisation domain')).toBeVisible()
  await expect(page.getByText('verified', { exact: true })).toBeVisible()
  await expect(page.locator('.mono')).toHaveText(GOOGLE_SUB)
  // The picture from lh3.googleusercontent.com loads under the built CSP, with no referrer.
  const avatar = page.locator('img.avatar')
  await expect(avatar).toHaveAttribute('src', /^https:\/\/lh3\.googleusercontent\.com\/a\//)
  await expect.poll(() => avatar.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1)
  const picture = requests.find((r) => new URL(r.url()).hostname === 'lh3.googleusercontent.com')
  expect(await picture?.headerValue('referer')).toBeNull()
  expect(violations).toEqual([])
})

for (const [variant, scenario, isOrganisation] of [
  ['the legacy iss without scheme', { idTokenIssuer: 'accounts.google.com' }, true],
  ['email_verified as the string "true"', { emailVerified: 'true' }, true],
  ['a consumer account without hd', { hostedDomain: null }, false],
  ['a redirect back without RFC 9207 iss', { hasCallbackIss: false }, true],
] as const) {
  test(`signs in with ${variant}`, async ({ page, request }) => {
    await setGoogleScenario(request, scenario)
    await page.goto('/')
    await signInWithGoogle(page)
    await expect(page.getByText('verified', { exact: true })).toBeVisible()
    await expect(page.getByText('Organisation domain')).toHaveCount(isOrganisation ? 1 : 0)
  })
}

test('cancelling at Google shows "Sign-in cancelled" with Try again, and a clean address bar', async ({
  page,
}) => {
  const requests = recordRequests(page)
  await page.goto('/')
  await startGoogleSignIn(page)
  await page.getByRole('button', { name: 'Cancel' }).click()
  const alert = page.getByRole('alert')
  await expect(alert).toContainText('Sign-in cancelled')
  await expect(alert.getByRole('button', { name: 'Try again' })).toBeVisible()
  expect(page.url()).toBe(`${GOOGLE_APP_ORIGIN}/`)
  expect(googleTokenRequests(requests)).toHaveLength(0)
})

for (const [tokenError, title, names] of [
  ['clientSecretMissing', 'Sign-in is misconfigured', /VITE_OIDC_CLIENT_SECRET/],
  ['wrongSecret', 'Sign-in is misconfigured', /VITE_OIDC_CLIENT_SECRET/],
  ['clientNotFound', 'Sign-in is misconfigured', /VITE_OIDC_CLIENT_ID/],
  ['invalidGrant', 'This sign-in has expired', /start again/],
] as const) {
  test(`the token endpoint's ${tokenError} answer gets a message that says what to do`, async ({
    page,
    request,
  }) => {
    await setGoogleScenario(request, { tokenError })
    const requests = recordRequests(page)
    await page.goto('/')
    await startGoogleSignIn(page)
    await page.getByRole('button', { name: 'Continue' }).click()
    const alert = page.getByRole('alert')
    await expect(alert).toContainText(title)
    await expect(alert).toContainText(names)
    await expect(alert.getByRole('button', { name: 'Try again' })).toBeVisible()
    expect(googleUserinfoRequests(requests)).toHaveLength(0)
    expect(page.url()).toBe(`${GOOGLE_APP_ORIGIN}/`)
  })
}

test('redirect_uri_mismatch: Google shows its own error page and never comes back', async ({
  page,
  request,
}) => {
  await setGoogleScenario(request, { redirectUris: 'not-registered' })
  const requests = recordRequests(page)
  await page.goto('/')
  await page.getByRole('button', { name: 'Sign in with Google' }).click()
  // What the person sees: Google's page, at Google, naming the error and the redirect URI.
  await expect(page.getByRole('heading', { name: /Access blocked/ })).toBeVisible()
  await expect(page.getByText('Error 400: redirect_uri_mismatch')).toBeVisible()
  await expect(page.getByText(`redirect_uri=${GOOGLE_APP_ORIGIN}/`)).toBeVisible()
  expect(new URL(page.url()).host).toBe('accounts.google.com')
  expect(googleTokenRequests(requests)).toHaveLength(0)
  // Back in the app: the sign-in button again, no alert.
  await page.goBack()
  await expect(page.getByRole('button', { name: 'Sign in with Google' })).toBeVisible()
  await expect(page.getByRole('alert')).toHaveCount(0)
})

for (const revocation of ['ok', 'invalid_token'] as const) {
  test(`sign-out revokes at Google's revocation endpoint (answer: ${revocation})`, async ({
    page,
    request,
  }) => {
    await setGoogleScenario(request, { revocation })
    const requests = recordRequests(page)
    await page.goto('/')
    await signInWithGoogle(page)
    await page.getByRole('button', { name: 'Sign out' }).click()
    // Google's 400 invalid_token means the token is already unusable: the goal of revocation.
    await expect(page.getByRole('status')).toContainText('access was revoked')
    await expect(page.getByRole('button', { name: 'Sign in with Google' })).toBeVisible()
    const [revoke] = googleRevocations(requests)
    expect(new URLSearchParams(revoke?.postData() ?? '').get('token')).toMatch(/^ya29\./)
  })
}

test('userinfo answering 401 later ends the session with a clear reason', async ({
  page,
  request,
}) => {
  await page.goto('/')
  await signInWithGoogle(page)
  await setGoogleScenario(request, { userinfo: 'unauthorized' })
  await page.getByRole('button', { name: 'Reload profile' }).click()
  // One silent renewal is tried (third-party cookies are withheld here, so it fails), then the end.
  await expect(page.getByRole('status')).toContainText('no longer accepts this session')
  await expect(page.getByRole('button', { name: 'Sign in with Google' })).toBeVisible()
})
