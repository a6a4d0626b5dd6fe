import { expect, test } from './fixtures.ts'
import { signIn } from './helpers.ts'
import { APP_ORIGIN } from './ports.ts'

const AIMED_ELSEWHERE = [
  '//evil.example',
  '/\\evil.example',
  '\\/evil.example',
  'https://evil.example',
  'javascript:alert(document.domain)',
  '%2F%2Fevil.example',
  '%252F%252Fevil.example',
  '/%0d%0a//evil.example'.replace('%0d%0a', '\r\n'),
  'https:evil.example',
  '/.//evil.example',
  '/%2e//evil.example',
  '/x/..//evil.example',
]

for (const returnTo of AIMED_ELSEWHERE) {
  test(`sign-in with a return path aimed elsewhere (${JSON.stringify(returnTo)}) lands on the home page`, async ({
    page,
  }) => {
    await page.goto(`/sign-in?returnTo=${encodeURIComponent(returnTo)}`)
    await expect(page.getByRole('heading', { name: 'Sign in to continue' })).toBeVisible()
    await signIn(page)
    expect(page.url()).toBe(`${APP_ORIGIN}/`)
  })
}

test('when already signed in, a crafted sign-in link still cannot leave the site', async ({
  page,
}) => {
  await page.goto('/')
  await signIn(page)
  await page.getByRole('link', { name: 'Account' }).click() // in-app: the tokens stay in memory
  await page.evaluate(() => {
    history.pushState(null, '', '/sign-in?returnTo=https%3A%2F%2Fevil.example')
    dispatchEvent(new PopStateEvent('popstate'))
  })
  await expect(page.getByRole('heading', { name: 'Welcome, Ada Lovelace' })).toBeVisible()
  expect(page.url()).toBe(`${APP_ORIGIN}/`)
})

test('a same-origin return path is honoured through /sign-in', async ({ page }) => {
  await page.goto(`/sign-in?returnTo=${encodeURIComponent('/account?tab=keys')}`)
  await signIn(page)
  expect(page.url()).toBe(`${APP_ORIGIN}/account?tab=keys`)
})
