import type { Page, Request } from '@playwright/test'
import { recordRequests } from '../helpers.ts'
import { GOOGLE_APP_ORIGIN } from '../ports.ts'
import {
  expect,
  GOOGLE_EMAIL,
  GOOGLE_SUB,
  atTopLevel,
  inIframe,
  paramsOf,
  googleTokenRequests,
  setGoogleScenario,
  signInWithGoogle,
  test,
} from './google-fixtures.ts'

/** Main-frame navigations from now on: silent renewal must cause none. */
function recordMainFrameNavigations(page: Page): string[] {
  const navigations: string[] = []
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) navigations.push(frame.url())
  })
  return navigations
}

/** Signs in, then clicks "Renew now" (on the home page) and waits for the renewal notice. */
async function signInAndRenewNow(page: Page): Promise<void> {
  await page.goto('/')
  await signInWithGoogle(page)
  await page.getByRole('button', { name: 'Renew now' }).click()
}

/** Clicks "Stay signed in" and expects to come back signed in, to the same page, via prompt=none. */
async function expectStaySignedInWorks(page: Page, requests: Request[]): Promise<void> {
  // The notice stays while the person moves on; "Stay signed in" must bring them back here.
  await page.getByRole('link', { name: 'Account' }).click()
  await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible()
  const notice = page.getByRole('status', { name: 'Session ending' })
  await notice.getByRole('button', { name: 'Stay signed in' }).click()
  await expect(page.getByTestId('email')).toHaveText(GOOGLE_EMAIL)
  expect(page.url()).toBe(`${GOOGLE_APP_ORIGIN}/account/`)
  const params = paramsOf(atTopLevel(page, requests).at(-1))
  expect(params.get('prompt')).toBe('none')
  expect(params.get('login_hint')).toBe(GOOGLE_SUB)
  await expect(page.getByRole('status', { name: 'Session ending' })).toHaveCount(0)
}

test('where the browser sends Google’s cookies, the hidden iframe renews with prompt=none and login_hint', async ({
  cookiePage: page,
}) => {
  const requests = recordRequests(page)
  await page.goto('/')
  await signInWithGoogle(page)
  const navigations = recordMainFrameNavigations(page)
  await page.getByRole('button', { name: 'Renew now' }).click()
  await expect(page.getByTestId('last-renewal')).toContainText('silent renewal (hidden iframe)')

  const params = paramsOf(inIframe(page, requests)[0])
  expect(params.get('prompt')).toBe('none')
  expect(params.get('login_hint')).toBe(GOOGLE_SUB)
  expect(params.get('redirect_uri')).toBe(`${GOOGLE_APP_ORIGIN}/silent-renew.html`)
  expect(googleTokenRequests(requests)).toHaveLength(2)
  expect(navigations).toEqual([])
  await expect(page.locator('iframe')).toHaveCount(0)
})

test('where the browser withholds Google’s cookies (Chromium’s default here), renewal fails and "Stay signed in" succeeds at top level', async ({
  page,
}) => {
  const requests = recordRequests(page)
  await signInAndRenewNow(page)
  const notice = page.getByRole('status', { name: 'Session ending' })
  await expect(notice).toContainText('could not renew it in the background')
  expect(paramsOf(inIframe(page, requests)[0]).get('login_hint')).toBe(GOOGLE_SUB)
  expect(googleTokenRequests(requests)).toHaveLength(1)
  await expectStaySignedInWorks(page, requests)
  expect(googleTokenRequests(requests)).toHaveLength(2)
})

for (const iframe of ['login_required', 'interaction_required', 'consent_required'] as const) {
  test(`Google answering the iframe with ${iframe} leads to "Stay signed in", which succeeds`, async ({
    cookiePage: page,
    request,
  }) => {
    await setGoogleScenario(request, { iframe })
    const requests = recordRequests(page)
    await signInAndRenewNow(page)
    await expect(page.getByRole('status', { name: 'Session ending' })).toContainText(
      'could not renew it in the background',
    )
    const answer = await inIframe(page, requests)[0]?.response()
    expect(answer?.headers().location).toContain(`error=${iframe}`)
    await expectStaySignedInWorks(page, requests)
  })
}

test('Google refusing to be framed (X-Frame-Options on a 200 page) ends in the same honest notice', async ({
  cookiePage: page,
  request,
}) => {
  test.slow() // the iframe attempt can only time out (10 s)
  await setGoogleScenario(request, { iframe: 'refuse-framing' })
  const requests = recordRequests(page)
  await signInAndRenewNow(page)
  const notice = page.getByRole('status', { name: 'Session ending' })
  await expect(notice).toBeVisible({ timeout: 15_000 })
  const framed = await inIframe(page, requests)[0]?.response()
  expect(framed?.status()).toBe(200)
  expect(framed?.headers()['x-frame-options']).toBe('SAMEORIGIN')
  await expect(page.locator('iframe')).toHaveCount(0)
  await expectStaySignedInWorks(page, requests)
})
