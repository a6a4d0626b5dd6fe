import type { Page, Response } from '@playwright/test'
import { findAxeViolations } from './axe.ts'
import { expect, setScenario, test } from './fixtures.ts'
import { recordRequests, signIn, startSignIn, userinfoRequests } from './helpers.ts'
import { PROVIDER_ORIGIN } from './ports.ts'

const USERINFO = `${PROVIDER_ORIGIN}/me`
const FAILED =
  'Your profile could not be loaded. You are still signed in. Shown: the details from your sign-in.'

/** The profile card, a region named by its heading: the person's name, from the ID token. */
const profileCard = (page: Page) => page.getByRole('region', { name: 'Ada Lovelace' })

/** Holds the next userinfo request until the returned function is called. */
async function holdNextUserinfo(page: Page): Promise<() => void> {
  let release: () => void = () => undefined
  const released = new Promise<void>((resolve) => {
    release = resolve
  })
  await page.route(
    USERINFO,
    async (route) => {
      await released
      await route.fallback()
    },
    { times: 1 },
  )
  return release
}

const isUserinfo = (response: Response) =>
  response.url() === USERINFO && response.request().method() === 'GET'

test('a profile that did not load is announced beside it; Reload profile loads it and the message goes', async ({
  page,
  request,
}) => {
  await setScenario(request, { hostile: 'userinfo-500' })
  const requests = recordRequests(page)
  const releaseFirst = await holdNextUserinfo(page)
  await page.goto('/')
  await signIn(page) // the email, from the validated ID token, while userinfo is still held

  // The live region is in the page, empty, before the failure: that is what makes it announced.
  const status = profileCard(page).getByRole('status')
  await expect(status).toHaveText('')
  const region = await status.elementHandle()
  releaseFirst()
  await expect(status).toHaveText(FAILED)
  expect(await region.evaluate((element) => element.isConnected)).toBe(true)
  await expect(
    profileCard(page).getByText('The userinfo endpoint answered HTTP 500.'),
  ).toBeAttached()
  await expect(page.getByRole('region', { name: 'Session' })).not.toContainText(/profile/i)
  expect(await findAxeViolations(page)).toEqual([])

  await setScenario(request, {})
  const releaseReload = await holdNextUserinfo(page)
  await profileCard(page).getByRole('button', { name: 'Reload profile' }).click()
  await expect(status).toHaveText('Loading your profile…')
  releaseReload()
  await expect(status).toHaveText('')
  await expect(profileCard(page).getByText('The userinfo endpoint answered HTTP 500.')).toHaveCount(
    0,
  )
  const statuses = await Promise.all(
    userinfoRequests(requests).map(async (r) => (await r.response())?.status()),
  )
  expect(statuses).toEqual([500, 200])
})

test('with the email scope granted, an email not known yet is "not loaded yet", never "not shared"', async ({
  page,
  request,
}) => {
  // From before the app's scripts: a single frame of "not shared" would be caught.
  await page.addInitScript(() => {
    new MutationObserver(() => {
      const email = document.querySelector('[data-testid="email"]')
      if (email?.textContent.includes('not shared')) Object.assign(window, { sawNotShared: true })
    }).observe(document, { childList: true, subtree: true, characterData: true })
  })
  await setScenario(request, { hostile: 'userinfo-500-id-token-without-email' })
  const releaseUserinfo = await holdNextUserinfo(page)
  await page.goto('/')
  await startSignIn(page)
  await page.getByRole('button', { name: 'Continue' }).click()

  const card = profileCard(page)
  // Signed in from the ID token, userinfo still on its way; then userinfo fails.
  await expect(card.getByTestId('email')).toHaveText('not loaded yet')
  await expect(card.getByTestId('scopes')).toContainText('email')
  releaseUserinfo()
  await expect(card.getByRole('status')).toHaveText(FAILED)
  await expect(card.getByTestId('email')).toHaveText('not loaded yet')

  await setScenario(request, {})
  await card.getByRole('button', { name: 'Reload profile' }).click()
  await expect(card.getByTestId('email')).toHaveText('ada.lovelace@example.com')
  await expect(card.getByRole('status')).toHaveText('')
  expect(await page.evaluate(() => 'sawNotShared' in window)).toBe(false)
})

test('with the email scope not granted, the card says the email was not shared', async ({
  page,
  request,
}) => {
  await setScenario(request, { hostile: 'email-scope-withheld' })
  await page.goto('/')
  await startSignIn(page)
  const userinfo = page.waitForResponse(isUserinfo)
  await page.getByRole('button', { name: 'Continue' }).click()
  expect((await userinfo).status()).toBe(200)

  const card = profileCard(page)
  await expect(card.getByTestId('scopes')).toHaveText('openid profile')
  await expect(card.getByTestId('email')).toHaveText('not shared')
})
