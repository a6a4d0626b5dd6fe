import type { APIRequestContext, Page, Request } from '@playwright/test'
import { LOCAL_CLIENT_ID, LOCAL_CLIENT_SECRET } from '../provider/local-client.ts'
import { endProviderSessions, expect, test } from './fixtures.ts'
import { recordRequests, signIn, tokenRequests, userinfoRequests } from './helpers.ts'
import { PROVIDER_ORIGIN } from './ports.ts'

async function revokeAtProvider(
  request: APIRequestContext,
  tokenRequest: Request | undefined,
): Promise<void> {
  const { access_token: token } = (await (await tokenRequest?.response())?.json()) as {
    access_token: string
  }
  const response = await request.post(`${PROVIDER_ORIGIN}/token/revocation`, {
    form: { token, client_id: LOCAL_CLIENT_ID, client_secret: LOCAL_CLIENT_SECRET },
  })
  expect(response.status()).toBe(200)
}

/** Signs in, then revokes the access token at the provider behind the app's back. */
async function signInThenRevoke(page: Page, request: APIRequestContext): Promise<Request[]> {
  const requests = recordRequests(page)
  await page.goto('/')
  await signIn(page)
  await revokeAtProvider(request, tokenRequests(requests)[0])
  return requests
}

test('a userinfo 401 gets one silent renewal and one retry, and the person stays signed in', async ({
  page,
  request,
}) => {
  const requests = await signInThenRevoke(page, request)

  await page.getByRole('button', { name: 'Reload profile' }).click()
  await expect(page.getByTestId('last-renewal')).toContainText('silent renewal (hidden iframe)')
  await expect(page.getByTestId('email')).toHaveText('ada.lovelace@example.com')

  const statuses = await Promise.all(
    userinfoRequests(requests).map(async (r) => (await r.response())?.status()),
  )
  expect(statuses).toEqual([200, 401, 200])
  expect(tokenRequests(requests)).toHaveLength(2)
})

test('a userinfo 401 whose renewal fails too ends the session with a message', async ({
  page,
  request,
}) => {
  const requests = await signInThenRevoke(page, request)
  await endProviderSessions(request)

  await page.getByRole('button', { name: 'Reload profile' }).click()
  await expect(
    page.getByRole('status').filter({ hasText: 'no longer accepts this session' }),
  ).toBeVisible()
  await expect(page.getByRole('button', { name: 'Sign in with Google' })).toBeVisible()
  expect(userinfoRequests(requests)).toHaveLength(2) // no retry with the rejected token
  expect(tokenRequests(requests)).toHaveLength(1)
})
