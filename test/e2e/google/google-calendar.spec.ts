import type { Page, Request } from '@playwright/test'
import { collectCspViolations, recordRequests } from '../helpers.ts'
import { GOOGLE_APP_ORIGIN } from '../ports.ts'
import {
  answerGoogleConsent,
  CALENDAR_SCOPE,
  expect,
  GOOGLE_SUB,
  googleAuthorizations,
  googleCalendarRequests,
  googleTokenRequests,
  signInWithGoogle,
  test,
} from './google-fixtures.ts'

const card = (page: Page) => page.getByRole('region', { name: 'Your next events' })
const paramsOf = (request: Request | undefined) =>
  new URL(request?.url() ?? 'about:blank').searchParams

async function answerOf(request: Request | undefined): Promise<{ token: string; scope: string }> {
  const body = (await (await request?.response())?.json()) as
    { access_token?: string; scope?: string } | undefined
  return { token: body?.access_token ?? '', scope: body?.scope ?? '' }
}

/** Signs in, clicks "Show your next events", and waits for Google's consent screen. */
async function askForCalendar(page: Page): Promise<void> {
  await page.goto('/')
  await signInWithGoogle(page)
  await expect(card(page)).toContainText('needs to read your Google Calendar events')
  await card(page).getByRole('button', { name: 'Show your next events' }).click()
  await expect(
    page.getByRole('heading', { name: /wants access to your Google Account/ }),
  ).toBeVisible()
  expect(new URL(page.url()).host).toBe('accounts.google.com')
}

test('the incremental step at Google: asked as this account, granted scopes read from the answer, events from www.googleapis.com under the CSP', async ({
  page,
}) => {
  const violations = await collectCspViolations(page)
  const requests = recordRequests(page)
  await askForCalendar(page)
  const params = paramsOf(googleAuthorizations(requests).at(-1))
  expect(params.get('scope')).toBe(`openid email profile ${CALENDAR_SCOPE}`)
  expect(params.get('include_granted_scopes')).toBe('true')
  expect(params.get('login_hint')).toBe(GOOGLE_SUB)
  expect(params.get('code_challenge_method')).toBe('S256')
  expect(params.get('nonce')).toBeTruthy()
  expect(googleCalendarRequests(requests)).toEqual([]) // nothing called before the grant

  await answerGoogleConsent(page)
  await expect(card(page).getByRole('list', { name: 'Your next events' })).toContainText(
    'Babbage visit',
  )
  expect(page.url()).toBe(`${GOOGLE_APP_ORIGIN}/`)
  const { token, scope } = await answerOf(googleTokenRequests(requests).at(-1))
  // Google's long forms, the earlier grants included (include_granted_scopes).
  expect(scope.split(' ').sort()).toEqual(
    [
      'openid',
      'https://www.googleapis.com/auth/userinfo.email',
      'https://www.googleapis.com/auth/userinfo.profile',
      CALENDAR_SCOPE,
    ].sort(),
  )
  const [call] = googleCalendarRequests(requests)
  expect(await call?.headerValue('authorization')).toBe(`Bearer ${token}`)
  expect(call?.url()).not.toContain(token)
  expect(violations).toEqual([])
})

test('unticked on Google’s consent screen: the answer’s scope lacks the calendar, so the app calls nothing and offers to ask again', async ({
  page,
}) => {
  const requests = recordRequests(page)
  await askForCalendar(page)
  await answerGoogleConsent(page, { untick: [CALENDAR_SCOPE] })
  await expect(card(page)).toContainText('This feature needs access to your calendar.')
  await expect(card(page).getByRole('button', { name: 'Ask again' })).toBeVisible()
  expect((await answerOf(googleTokenRequests(requests).at(-1))).scope).not.toContain(CALENDAR_SCOPE)
  expect(googleCalendarRequests(requests)).toEqual([])
})

test('a silent renewal at Google keeps the calendar scope', async ({ cookiePage: page }) => {
  const requests = recordRequests(page)
  await askForCalendar(page)
  await answerGoogleConsent(page)
  await expect(card(page)).toContainText('Babbage visit')
  await page.getByRole('button', { name: 'Renew now' }).click()
  await expect(page.getByTestId('last-renewal')).toContainText('silent renewal (hidden iframe)')
  const silent = googleAuthorizations(requests).filter((r) => r.frame() !== page.mainFrame())
  const params = paramsOf(silent.at(-1))
  expect(params.get('prompt')).toBe('none')
  expect(params.get('scope')).toBe('openid email profile')
  expect(params.get('include_granted_scopes')).toBe('true')
  expect((await answerOf(googleTokenRequests(requests).at(-1))).scope.split(' ')).toContain(
    CALENDAR_SCOPE,
  )
  await expect(page.getByTestId('scopes')).toContainText(CALENDAR_SCOPE)
})
