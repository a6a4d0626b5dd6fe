import type { Page } from '@playwright/test'
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

/** Starts a real sign-in and returns its state, so that a crafted callback gets past the state lookup. */
async function startAndReadState(page: Page): Promise<string> {
  await page.goto('/')
  const [authorization] = await Promise.all([
    page.waitForRequest((r) => r.url().includes('/auth?')),
    page.getByRole('button', { name: 'Sign in with Google' }).click(),
  ])
  // Settled at the provider's page first: a crafted callback loaded while its redirects were
  // still under way would be interrupted by them.
  await expect(page.getByRole('heading', { name: 'Choose an account' })).toBeVisible()
  return new URL(authorization.url()).searchParams.get('state') ?? ''
}

for (const [name, craft] of [
  ['duplicate parameters', (state: string) => `code=c1&state=${state}&state=${state}`],
  ['undecodable percent-encoding', (state: string) => `code=c1&state=${state}&x=%E0%A4%A`],
  // About 2 MB: the longest URL Chromium navigates to.
  [
    'a two-megabyte query',
    (state: string) => `code=c1&state=${state}&pad=${'a'.repeat(2_000_000)}`,
  ],
] as const) {
  test(`rejects a callback with ${name} before redeeming anything`, async ({ page }) => {
    const errors: Error[] = []
    page.on('pageerror', (error) => errors.push(error))
    const state = await startAndReadState(page)
    const requests = recordRequests(page)
    await page.goto(`${APP_ORIGIN}/?${craft(state)}`)

    await expect(page.getByRole('alert')).toContainText('Sign-in could not be completed')
    await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible()
    expect(page.url()).toBe(`${APP_ORIGIN}/`)
    expect(tokenRequests(requests)).toHaveLength(0)
    expect(await dumpAppStorage(page)).not.toMatch(/oidc\./) // the pending request is discarded too
    expect(errors).toEqual([])
  })
}
