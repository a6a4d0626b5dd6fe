import type { APIRequestContext, Page, Request } from '@playwright/test'
import type { CalendarBehaviour } from '../provider/scenario.ts'
import { expect, setScenario, test } from './fixtures.ts'
import {
  authorizationRequests,
  isProviderRequest,
  recordRequests,
  signIn,
  tokenRequests,
} from './helpers.ts'
import { APP_ORIGIN } from './ports.ts'

const CAL = 'https://www.googleapis.com/auth/calendar.events.readonly'
const ADA = '110248495921238986420'
const GRACE = '104927731800266411739'
const EVENTS_PATH = '/calendar/v3/calendars/primary/events'
const CONSENT_HEADING = /wants access to your Google Account/

const calendarRequests = (requests: Request[]) =>
  requests.filter((r) => isProviderRequest(r, EVENTS_PATH) && r.method() === 'GET')
const card = (page: Page) => page.getByRole('region', { name: 'Your next events' })

/** The access token the token endpoint sent in answer to `request`, and the scope it granted. */
async function answerOf(request: Request | undefined): Promise<{ token: string; scope: string }> {
  const body = (await (await request?.response())?.json()) as
    { access_token?: string; scope?: string } | undefined
  return { token: body?.access_token ?? '', scope: body?.scope ?? '' }
}

/** From the signed-in home page: "Show your next events", then Google's consent page. */
async function openConsent(page: Page): Promise<void> {
  await card(page).getByRole('button', { name: 'Show your next events' }).click()
  await expect(page.getByRole('heading', { name: CONSENT_HEADING })).toBeVisible()
}

/** On the consent page: the calendar ticked (or not), then Allow; back on the app's home page. */
async function answerConsent(page: Page, { isCalendarTicked }: { isCalendarTicked: boolean }) {
  const checkbox = page.getByRole('checkbox', { name: 'View events on all your calendars' })
  await expect(checkbox).toBeChecked() // every scope asked for is ticked by default
  await checkbox.setChecked(isCalendarTicked)
  await page.getByRole('button', { name: 'Allow' }).click()
  await expect(page.getByRole('heading', { name: 'Welcome, Ada Lovelace' })).toBeVisible()
}

/**
 * Signed in as Ada, then the calendar granted on the consent page: back on the home page, with the
 * events loading. `calendar`: how the Calendar endpoint answers from the consent on.
 */
async function signInWithCalendar(
  page: Page,
  calendar?: { request: APIRequestContext; behaviour: CalendarBehaviour },
): Promise<void> {
  await page.goto('/')
  await signIn(page)
  await openConsent(page)
  if (calendar) await setScenario(calendar.request, { calendar: calendar.behaviour })
  await answerConsent(page, { isCalendarTicked: true })
}

async function expectAdasEvents(page: Page): Promise<void> {
  const list = card(page).getByRole('list', { name: 'Your next events' })
  await expect(list.getByRole('listitem')).toHaveCount(3)
  await expect(list).toContainText('Babbage visit')
  await expect(list).toContainText('Analytical Engine review')
  await expect(list).toContainText('Notes on the Menabrea paper')
  // The all-day event shows its date, no time.
  const allDay = list.getByRole('listitem').filter({ hasText: 'Babbage visit' })
  await expect(allDay.getByTestId('event-time')).not.toContainText(':')
}

test('asks for the calendar only when the person uses it, and comes back to the same page with the events', async ({
  page,
}) => {
  const requests = recordRequests(page)
  await page.goto('/')
  await signIn(page)
  const [signInRequest] = authorizationRequests(requests)
  const signInParams = new URL(signInRequest?.url() ?? 'about:blank').searchParams
  expect(signInParams.get('scope')).toBe('openid email profile') // not the calendar, not yet
  expect(signInParams.get('include_granted_scopes')).toBe('true')
  await expect(card(page)).toContainText('needs to read your Google Calendar events')
  expect(calendarRequests(requests)).toEqual([])

  await openConsent(page)
  const incremental = authorizationRequests(requests).at(-1)
  const params = new URL(incremental?.url() ?? 'about:blank').searchParams
  expect(params.get('scope')).toBe(`openid email profile ${CAL}`)
  expect(params.get('include_granted_scopes')).toBe('true')
  expect(params.get('login_hint')).toBe(ADA)
  expect(params.get('prompt')).toBeNull()
  expect(params.get('code_challenge_method')).toBe('S256')
  expect(params.get('state')).toMatch(/^[\w-]{20,}$/)
  expect(params.get('nonce')).toMatch(/^[\w-]{40,}$/)
  expect(params.get('state')).not.toBe(signInParams.get('state'))

  await answerConsent(page, { isCalendarTicked: true })
  expect(page.url()).toBe(`${APP_ORIGIN}/`)
  await expectAdasEvents(page)
  await expect(page.getByTestId('scopes')).toContainText(CAL)

  const { token, scope } = await answerOf(tokenRequests(requests).at(-1))
  expect(scope.split(' ')).toContain(CAL)
  const calls = calendarRequests(requests)
  expect(calls).toHaveLength(1)
  expect(await calls[0]?.headerValue('authorization')).toBe(`Bearer ${token}`)
  expect(calls[0]?.url()).not.toContain(token)
  const query = new URL(calls[0]?.url() ?? 'about:blank').searchParams
  expect(query.get('singleEvents')).toBe('true')
  expect(query.get('orderBy')).toBe('startTime')
  expect(query.get('maxResults')).toBe('5')
  expect(Date.parse(query.get('timeMin') ?? '')).toBeGreaterThan(Date.now() - 60_000)
})

test('unticked on the consent page: the feature says it needs the calendar, calls nothing, and can ask again', async ({
  page,
}) => {
  const requests = recordRequests(page)
  await page.goto('/')
  await signIn(page)
  await openConsent(page)
  await answerConsent(page, { isCalendarTicked: false })
  await expect(card(page)).toContainText('This feature needs access to your calendar.')
  await expect(
    card(page).getByRole('link', { name: 'third-party connections page' }),
  ).toHaveAttribute('href', 'https://myaccount.google.com/connections')
  expect((await answerOf(tokenRequests(requests).at(-1))).scope).not.toContain(CAL)
  expect(calendarRequests(requests)).toEqual([])

  await card(page).getByRole('button', { name: 'Ask again' }).click()
  await expect(page.getByRole('heading', { name: CONSENT_HEADING })).toBeVisible()
  await answerConsent(page, { isCalendarTicked: true })
  await expectAdasEvents(page)
})

test('Cancel on the consent page is not a sign-out: still signed in, the feature offers to ask again', async ({
  page,
}) => {
  await page.goto('/')
  await signIn(page)
  await openConsent(page)
  await page.getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByRole('heading', { name: 'Welcome, Ada Lovelace' })).toBeVisible()
  await expect(card(page)).toContainText('This feature needs access to your calendar.')
  await expect(page.getByRole('alert')).toHaveCount(0)
})

test('a silent renewal keeps the calendar: every request carries include_granted_scopes', async ({
  page,
  request,
}) => {
  await setScenario(request, { tokenTtlSeconds: 20 })
  await page.clock.install()
  const requests = recordRequests(page)
  await signInWithCalendar(page)
  await expectAdasEvents(page)
  const before = tokenRequests(requests).length

  await page.clock.fastForward(10_500) // renewal starts halfway through the token's life
  await expect(page.getByTestId('last-renewal')).toContainText('silent renewal (hidden iframe)')
  const silent = authorizationRequests(requests).filter((r) => r.frame() !== page.mainFrame())
  const params = new URL(silent.at(-1)?.url() ?? 'about:blank').searchParams
  expect(params.get('prompt')).toBe('none')
  expect(params.get('scope')).toBe('openid email profile')
  expect(params.get('include_granted_scopes')).toBe('true')
  const renewals = tokenRequests(requests).slice(before)
  expect(renewals).toHaveLength(1)
  expect((await answerOf(renewals[0])).scope.split(' ')).toContain(CAL)
  await expect(page.getByTestId('scopes')).toContainText(CAL)
})

test('the API refusing the token once: one renewal, one retry with the new token, then the events', async ({
  page,
  request,
}) => {
  const requests = recordRequests(page)
  await signInWithCalendar(page, { request, behaviour: 'unauthorized-once' })
  await expectAdasEvents(page)
  const calls = calendarRequests(requests)
  expect(calls).toHaveLength(2)
  expect((await calls[0]?.response())?.status()).toBe(401)
  const [first, second] = await Promise.all(calls.map((c) => c.headerValue('authorization')))
  expect(second).not.toBe(first)
  const renewal = tokenRequests(requests).at(-1)
  expect(second).toBe(`Bearer ${(await answerOf(renewal)).token}`)
})

test('the API refusing the token twice: a readable error and a retry, no loop', async ({
  page,
  request,
}) => {
  const requests = recordRequests(page)
  await signInWithCalendar(page, { request, behaviour: 'unauthorized' })
  const alert = card(page).getByRole('alert')
  await expect(alert).toContainText('Google did not accept this session’s access')
  await expect(alert.getByRole('button', { name: 'Try again' })).toBeVisible()
  expect(calendarRequests(requests)).toHaveLength(2)
})

test('the API answering 401, then 403 insufficient scopes after the one renewal and retry: the offer to ask again, no loop', async ({
  page,
  request,
}) => {
  const requests = recordRequests(page)
  await signInWithCalendar(page, { request, behaviour: 'unauthorized-then-insufficient' })
  await expect(card(page).getByRole('button', { name: 'Ask again' })).toBeVisible()
  await expect(card(page)).toContainText('This feature needs access to your calendar.')
  const calls = calendarRequests(requests)
  expect(await Promise.all(calls.map(async (c) => (await c.response())?.status()))).toEqual([
    401, 403,
  ])
  // Exactly one renewal, silent, in the hidden iframe: sign-in, consent, renewal.
  const silent = authorizationRequests(requests).filter((r) => r.frame() !== page.mainFrame())
  expect(silent).toHaveLength(1)
  expect(tokenRequests(requests)).toHaveLength(3)
})

test('a 403 for insufficient scopes leads to the offer to ask again', async ({ page, request }) => {
  await signInWithCalendar(page, { request, behaviour: 'insufficient' })
  await expect(card(page)).toContainText('This feature needs access to your calendar.')
  await expect(card(page).getByRole('button', { name: 'Ask again' })).toBeVisible()
})

for (const calendar of ['html', 'wrong-shape'] as const) {
  test(`an answer in ${calendar === 'html' ? 'HTML' : 'the wrong shape'} is an error shown as text, never rendered`, async ({
    page,
    request,
  }) => {
    await signInWithCalendar(page, { request, behaviour: calendar })
    const alert = card(page).getByRole('alert')
    await expect(alert).toContainText('Google’s answer could not be read.')
    await expect(alert.getByRole('button', { name: 'Try again' })).toBeVisible()
    await expect(card(page).locator('img, h1')).toHaveCount(0)
    expect(await page.title()).not.toBe('pwned')
  })
}

test('a token response claiming a scope never asked for opens nothing', async ({
  page,
  request,
}) => {
  const requests = recordRequests(page)
  await setScenario(request, { extraGrantedScope: 'https://www.googleapis.com/auth/drive' })
  await page.goto('/')
  await signIn(page)
  expect((await answerOf(tokenRequests(requests).at(-1))).scope).toContain('auth/drive')
  await expect(card(page)).toContainText('needs to read your Google Calendar events')
  expect(calendarRequests(requests)).toEqual([])
})

test('a token response claiming the calendar without a grant: the API’s 403 leads to the offer', async ({
  page,
  request,
}) => {
  const requests = recordRequests(page)
  await setScenario(request, { extraGrantedScope: CAL })
  await page.goto('/')
  await signIn(page)
  await card(page).getByRole('button', { name: 'Show your next events' }).click()
  await expect(card(page)).toContainText('This feature needs access to your calendar.')
  expect(calendarRequests(requests)).toHaveLength(1)
})

test('"Use another account" in one tab replaces the account in every tab; the old account’s events are gone', async ({
  page,
  context,
}) => {
  await signInWithCalendar(page)
  await expectAdasEvents(page)

  // Whatever either tab shows from now on, it never shows one account's data under the other's name.
  const watchMixing = () =>
    page.evaluate(() => {
      const seen: string[] = []
      const check = () => {
        const text = document.body.innerText
        if (
          text.includes('Grace Hopper') &&
          /Babbage visit|Ada Lovelace|ada\.lovelace/.test(text)
        ) {
          seen.push(text.slice(0, 200))
        }
      }
      new MutationObserver(check).observe(document.body, {
        subtree: true,
        childList: true,
        characterData: true,
      })
      ;(window as unknown as { mixed: string[] }).mixed = seen
    })
  const second = await context.newPage()
  await second.goto('/')
  await expect(second.getByRole('heading', { name: 'Welcome, Ada Lovelace' })).toBeVisible()
  await watchMixing()

  const requests = recordRequests(second)
  await second.getByRole('button', { name: 'Use another account' }).click()
  await expect(second.getByRole('heading', { name: 'Choose an account' })).toBeVisible()
  const chooser = authorizationRequests(requests).at(-1)
  const params = new URL(chooser?.url() ?? 'about:blank').searchParams
  expect(params.get('prompt')).toBe('select_account')
  expect(params.get('login_hint')).toBeNull()
  expect(params.get('include_granted_scopes')).toBe('true')
  await second.getByRole('radio', { name: /Grace Hopper/ }).check()
  await second.getByRole('button', { name: 'Continue' }).click()
  await expect(second.getByRole('heading', { name: 'Welcome, Grace Hopper' })).toBeVisible()
  await expect(second.getByTestId('email')).toHaveText('grace.hopper@example.com')

  await expect(page.getByRole('heading', { name: 'Welcome, Grace Hopper' })).toBeVisible()
  await expect(page.getByTestId('email')).toHaveText('grace.hopper@example.com')
  await expect(page.getByText('Babbage visit')).toHaveCount(0)
  expect(await page.evaluate(() => (window as unknown as { mixed: string[] }).mixed)).toEqual([])
  const hint = await page.evaluate(() =>
    Object.entries(localStorage).find(([key]) => key.startsWith('static-signin.hint:')),
  )
  expect(hint?.[1]).toMatch(new RegExp(`^${GRACE} \\d+$`))

  // Grace never granted the calendar: her card asks; showing it does not reuse Ada's grant.
  await expect(card(page)).toContainText('needs to read your Google Calendar events')
})

test('Cancel on the account chooser of "Use another account" keeps the account the person had', async ({
  page,
}) => {
  await page.goto('/')
  await signIn(page)
  await page.getByRole('button', { name: 'Use another account' }).click()
  await expect(page.getByRole('heading', { name: 'Choose an account' })).toBeVisible()
  await page.getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByRole('heading', { name: 'Welcome, Ada Lovelace' })).toBeVisible()
  await expect(page.getByRole('alert')).toHaveCount(0)
})
