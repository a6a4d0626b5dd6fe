import { expect, test } from './fixtures.ts'
import { PROVIDER_ORIGIN } from './ports.ts'
import { isProviderRequest, recordRequests, signIn, tokenRequests } from './helpers.ts'

test('signing out forgets the tokens and revokes the access token at the provider', async ({
  page,
}) => {
  const requests = recordRequests(page)
  await page.goto('/')
  await signIn(page)
  const tokenResponse = await tokenRequests(requests)[0]?.response()
  const { access_token: accessToken } = (await tokenResponse?.json()) as { access_token: string }

  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByRole('status')).toContainText(
    'You are signed out of this app and its access was revoked',
  )
  await expect(page.getByRole('button', { name: 'Sign in with Google' })).toBeVisible()

  const revocations = requests.filter((r) => isProviderRequest(r, '/token/revocation'))
  expect(revocations).toHaveLength(1)
  const form = new URLSearchParams(revocations[0]?.postData() ?? '')
  expect(form.get('token')).toBe(accessToken)
  expect((await revocations[0]?.response())?.status()).toBe(200)

  // The provider no longer honours the token.
  const userinfo = await page.request.get(`${PROVIDER_ORIGIN}/me`, {
    headers: { Authorization: `Bearer ${accessToken}` },
  })
  expect(userinfo.status()).toBe(401)
})
