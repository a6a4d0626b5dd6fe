import type { Request } from '@playwright/test'
import { expect, setScenario, test } from './fixtures.ts'
import { dumpAppStorage, recordRequests, signIn } from './helpers.ts'
import { RT_APP_ORIGIN, RT_PROVIDER_ORIGIN } from './ports.ts'

interface TokenResponse {
  access_token: string
  refresh_token?: string
}

const tokenCalls = (requests: Request[]) =>
  requests.filter((r) => r.url() === `${RT_PROVIDER_ORIGIN}/token` && r.method() === 'POST')
const responseOf = async (r: Request | undefined) =>
  (await (await r?.response())?.json()) as TokenResponse

test('with a provider that issues them, renews with rotating refresh tokens kept only in memory', async ({
  page,
  request,
}) => {
  await setScenario(request, { tokenTtlSeconds: 20 }, RT_PROVIDER_ORIGIN)
  await page.clock.install()
  const requests = recordRequests(page)
  await page.goto(`${RT_APP_ORIGIN}/`)
  await signIn(page)

  for (const round of [1, 2]) {
    await page.clock.fastForward(10_500)
    await expect.poll(() => tokenCalls(requests).length).toBe(round + 1)
    await expect(page.getByTestId('last-renewal')).toContainText('silent renewal (refresh token)')
  }

  const calls = tokenCalls(requests)
  const responses = await Promise.all(calls.map(responseOf))
  const forms = calls.map((r) => new URLSearchParams(r.postData() ?? ''))
  expect(forms.map((f) => f.get('grant_type'))).toEqual([
    'authorization_code',
    'refresh_token',
    'refresh_token',
  ])
  // Rotation: each refresh presents the token the previous response returned, never an old one.
  expect(forms[1]?.get('refresh_token')).toBe(responses[0]?.refresh_token)
  expect(forms[2]?.get('refresh_token')).toBe(responses[1]?.refresh_token)
  expect(new Set(responses.map((r) => r.refresh_token)).size).toBe(3)
  expect(
    requests.filter(
      (r) => r.url().startsWith(`${RT_PROVIDER_ORIGIN}/auth`) && r.frame() !== page.mainFrame(),
    ),
  ).toEqual([])

  const storage = await dumpAppStorage(page, RT_APP_ORIGIN)
  for (const r of responses) expect(storage).not.toContain(r.refresh_token)

  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByRole('status')).toContainText('access was revoked')
  const revoked = requests
    .filter((r) => r.url() === `${RT_PROVIDER_ORIGIN}/token/revocation`)
    .map((r) => new URLSearchParams(r.postData() ?? '').get('token_type_hint'))
  expect(revoked).toEqual(['refresh_token', 'access_token'])
})
