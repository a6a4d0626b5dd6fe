import { expect, test } from './fixtures.ts'
import { APP_ORIGIN } from './ports.ts'
import {
  dumpAppStorage,
  recordRequests,
  signIn,
  startSignIn,
  tamperWithCallback,
  tokenRequests,
  userinfoRequests,
} from './helpers.ts'

test('shows a retry button when the person cancels at the provider', async ({ page }) => {
  const requests = recordRequests(page)
  await page.goto('/')
  await startSignIn(page)
  await page.getByRole('button', { name: 'Cancel' }).click()

  const alert = page.getByRole('alert')
  await expect(alert).toContainText('Sign-in cancelled')
  await expect(alert).toContainText('Nothing was shared')
  expect(page.url()).toBe(`${APP_ORIGIN}/`)
  expect(tokenRequests(requests)).toHaveLength(0)
  expect(await dumpAppStorage(page)).not.toMatch(/oidc\./)

  await alert.getByRole('button', { name: 'Try again' }).click()
  await expect(page.getByRole('heading', { name: 'Choose an account' })).toBeVisible()
})

test('rejects a callback whose state was replaced, without redeeming the code', async ({
  page,
}) => {
  const requests = recordRequests(page)
  await tamperWithCallback(page, (callback) => {
    callback.searchParams.set('state', 'forged-state-value')
    return callback.href
  })
  await page.goto('/')
  await startSignIn(page)
  await page.getByRole('button', { name: 'Continue' }).click()
  await expect(page.getByRole('alert')).toContainText('This sign-in link is no longer valid')
  expect(page.url()).toBe(`${APP_ORIGIN}/`)
  expect(tokenRequests(requests)).toHaveLength(0)
  expect(userinfoRequests(requests)).toHaveLength(0)
  await expect(page.getByRole('button', { name: 'Sign in with Google' })).toBeVisible()
})

test('a callback URL opened again after sign-in is refused without a second token request', async ({
  page,
}) => {
  const requests = recordRequests(page)
  await page.goto('/')
  await signIn(page)
  const callback = requests.find(
    (r) => r.isNavigationRequest() && r.url().startsWith(`${APP_ORIGIN}/?code=`),
  )
  expect(callback).toBeDefined()

  await page.goto(callback?.url() ?? '/')
  await expect(page.getByRole('alert')).toContainText('This sign-in link is no longer valid')
  expect(page.url()).toBe(`${APP_ORIGIN}/`)
  expect(tokenRequests(requests)).toHaveLength(1)
})
