import { expect, test } from './fixtures.ts'
import {
  dumpAppStorage,
  recordRequests,
  showErrorAlert,
  signIn,
  startSignIn,
  tokenRequests,
  userinfoRequests,
} from './helpers.ts'

// The page's clock is moved; the provider's is the machine's. Playwright's clock keeps running
// in real time after install() (it resumes at once), across reloads, so the app's timers run.
const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

for (const [label, offsetMs] of [
  ['10 minutes behind', -10 * MINUTE],
  ['10 minutes ahead', 10 * MINUTE],
  ['2 hours behind', -2 * HOUR],
  ['2 hours ahead', 2 * HOUR],
] as const) {
  test(`signs in, renews and restores with the device clock ${label}`, async ({ page }) => {
    await page.clock.install({ time: Date.now() + offsetMs })
    const requests = recordRequests(page)
    await page.goto('/')
    await signIn(page)
    await expect(page.getByRole('alert')).toHaveCount(0)
    // The token's life is counted on the device's own clock: an hour, not an hour ± the offset.
    await expect(page.getByTestId('time-left')).toHaveText(/^(59|60) min \d\d s$/)

    await page.getByRole('button', { name: 'Renew now' }).click()
    await expect(page.getByTestId('last-renewal')).toContainText('silent renewal (hidden iframe)')
    expect(tokenRequests(requests)).toHaveLength(2)

    await page.reload()
    await expect(page.getByTestId('email')).toHaveText('ada.lovelace@example.com')
    await expect(page.getByTestId('last-renewal')).toContainText('restoring your session on load')
    await expect(page.getByRole('alert')).toHaveCount(0)
  })
}

test('a device clock days behind is named in the alert, with its size; nothing is kept', async ({
  page,
}) => {
  await page.clock.install({ time: Date.now() - 3 * DAY })
  const requests = recordRequests(page)
  await page.goto('/')
  await startSignIn(page)
  await page.getByRole('button', { name: 'Continue' }).click()

  const alert = page.getByRole('alert')
  await expect(alert).toContainText('Your device’s clock looks wrong')
  await expect(alert).toContainText('This device’s clock is about 3 days behind.')
  await expect(alert).toContainText('Set its date and time to update automatically')
  await expect(alert.getByRole('button', { name: 'Try again' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Sign in with Google' })).toBeVisible()
  await expect(page.getByTestId('email')).toHaveCount(0)

  await page.waitForLoadState('networkidle')
  expect(tokenRequests(requests)).toHaveLength(1)
  expect(userinfoRequests(requests)).toHaveLength(0)
  const storage = await dumpAppStorage(page)
  expect(storage).not.toMatch(/oidc\.|static-signin\.hint/)
  const body = (await (await tokenRequests(requests)[0]?.response())?.text()) ?? ''
  expect(body).toContain('"id_token"')
  for (const [, token] of body.matchAll(/"(?:access|id)_token":"([^"]+)"/g)) {
    expect(storage).not.toContain(token)
  }
})

test('an ID token that expires before it was issued is refused, whatever the clock', async ({
  page,
  request,
}) => {
  await page.clock.install({ time: Date.now() - 2 * HOUR })
  const requests = recordRequests(page)
  await showErrorAlert(page, request, 'id-token-expired', 'Sign-in response rejected')
  await expect(page.getByRole('alert')).toContainText('exp is not after iat')
  await expect(page.getByTestId('email')).toHaveCount(0)
  expect(userinfoRequests(requests)).toHaveLength(0)
})
