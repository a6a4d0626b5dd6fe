import type { APIRequestContext } from '@playwright/test'
import type { EngineTab } from '../../engines/engine.ts'
import { waitUntil } from '../../engines/engine.ts'
import type { LoggedRequest } from '../../provider/request-log.ts'
import { setScenario } from '../fixtures.ts'
import { APP_ORIGIN, APP_PORT, PROVIDER_ORIGIN } from '../ports.ts'
import {
  buttonNamed,
  dumpStorage,
  EMAIL,
  isPageMarked,
  linkNamed,
  markPage,
  readTestId,
  readViolations,
  sawSignInButton,
  openSignedIn,
  signIn,
  waitForButton,
  waitForEmail,
  waitForText,
  WATCH_CSP,
  WATCH_SIGN_IN_BUTTON,
} from './app-steps.ts'
import { expect, readProviderLog, test } from './engine-fixtures.ts'

// The same scenarios in every engine of the matrix (playwright.config.ts: engine-* projects),
// against the built app and the local provider. What went over the network is read from the
// provider's own log, so it is the same evidence in every engine.

const SUB = '110248495921238986420'
/** The app under another host name: cross-site to the provider on 127.0.0.1, cookies withheld. */
const CROSS_SITE_ORIGIN = `http://localhost:${APP_PORT}`

const only = (log: LoggedRequest[], method: string, path: string) =>
  log.filter((r) => r.method === method && r.path === path)
const codeRedemptions = (log: LoggedRequest[]) => only(log, 'POST', '/token')
const silentAuthorizations = (log: LoggedRequest[]) =>
  only(log, 'GET', '/auth').filter((r) => r.prompt === 'none' && r.dest !== 'document')

async function expectNoTokenStored(tab: EngineTab, request: APIRequestContext) {
  const issued = (await readProviderLog(request)).flatMap((r) => r.issued)
  expect(issued.length).toBeGreaterThan(0)
  const storage = await dumpStorage(tab)
  for (const token of issued) expect(storage).not.toContain(token)
  expect(storage).not.toMatch(/oidc\./) // no sign-in state left behind either
}

test('signs in: the email shows, one code redeemed, userinfo once, a clean address bar', async ({
  session,
  request,
}) => {
  const tab = await openSignedIn(session, APP_ORIGIN)
  expect(await tab.url()).toBe(`${APP_ORIGIN}/`)
  const log = await readProviderLog(request)
  expect(codeRedemptions(log)).toHaveLength(1)
  expect(only(log, 'GET', '/me')).toHaveLength(1)
  const [authorize] = only(log, 'GET', '/auth')
  expect(authorize?.redirectUri).toBe(`${APP_ORIGIN}/`)
})

test('keeps no token in any storage, cookie or database', async ({ session, request }) => {
  const tab = await openSignedIn(session, APP_ORIGIN)
  await expectNoTokenStored(tab, request)
})

test('reload restores the session silently, without a flash of the signed-out view', async ({
  session,
  request,
}) => {
  const tab = await openSignedIn(session, APP_ORIGIN)
  const canWatch = await tab.addInitScript(WATCH_SIGN_IN_BUTTON)
  await tab.reload()
  await waitForEmail(tab)
  await waitForText(tab, '[data-testid=last-renewal]', 'restoring your session on load')
  // WebKitGTK's WebDriver cannot run a script before the page's own: there, the first state the
  // driver can read after load is checked instead (the README table says which applies).
  if (canWatch) expect(await sawSignInButton(tab)).toBe(false)
  const silent = silentAuthorizations(await readProviderLog(request))
  expect(silent).toHaveLength(1)
  expect(silent[0]?.loginHint).toBe(SUB)
})

const topLevelAuthorizations = (log: LoggedRequest[]) =>
  only(log, 'GET', '/auth').filter((r) => r.prompt === 'none' && r.dest === 'document')

/**
 * Starts loading `url` (or reloading) from inside the page, without the driver waiting for a load
 * that a page leaving at once for the provider never finishes (puppeteer's Firefox times out).
 */
async function startLoad(tab: EngineTab, url?: string): Promise<void> {
  await markPage(tab) // gone from the new document: the old one's email does not count
  await tab.evaluate<null>(
    `setTimeout(() => ${url === undefined ? 'location.reload()' : `location.assign(${JSON.stringify(url)})`}, 0); return null`,
  )
}

/** Waits for the email on the page at `url` after a top-level round trip (a new document). */
async function waitForEmailAt(tab: EngineTab, url: string): Promise<void> {
  await waitUntil(
    `the email at ${url}`,
    async () =>
      !(await isPageMarked(tab)) &&
      (await readTestId(tab, 'email')) === EMAIL &&
      (await tab.url()) === url,
    20_000,
  )
}

test('where the browser withholds the provider’s cookies, a reload restores with one top-level round trip, later loads and new tabs go straight there', async ({
  session,
  request,
  engineName,
}) => {
  test.setTimeout(60_000)
  const tab = await openSignedIn(session, CROSS_SITE_ORIGIN)
  const deepLink = `${CROSS_SITE_ORIGIN}/account/?from=engine#top`
  await setScenario(request, {}) // a fresh request log
  await tab.goto(deepLink)
  await waitForEmailAt(tab, deepLink)
  const first = await readProviderLog(request)
  const iframeFirst = silentAuthorizations(first)
  const topFirst = topLevelAuthorizations(first)
  expect(iframeFirst).toHaveLength(1)
  expect(codeRedemptions(first)).toHaveLength(1) // the round trip's code only: the iframe got none
  expect(topFirst).toHaveLength(1)
  expect(topFirst[0]).toMatchObject({ loginHint: SUB, redirectUri: `${CROSS_SITE_ORIGIN}/` })

  await setScenario(request, {})
  await startLoad(tab)
  await waitForEmailAt(tab, deepLink)
  const second = await readProviderLog(request)
  expect(silentAuthorizations(second)).toEqual([])
  expect(topLevelAuthorizations(second)).toHaveLength(1)

  await setScenario(request, {})
  const other = await session.newTab()
  await startLoad(other, `${CROSS_SITE_ORIGIN}/`)
  await waitForEmailAt(other, `${CROSS_SITE_ORIGIN}/`)
  const third = await readProviderLog(request)
  expect(silentAuthorizations(third)).toEqual([])
  expect(topLevelAuthorizations(third)).toHaveLength(1)
  test.info().annotations.push({
    type: 'restore path',
    description: `${engineName}: first reload iframe ${String(iframeFirst.length)} + top-level ${String(topFirst.length)}; later loads top-level only`,
  })
})

test('renews in a hidden iframe before expiry, without navigating the page', async ({
  session,
  request,
}) => {
  test.setTimeout(60_000)
  await setScenario(request, { tokenTtlSeconds: 20 })
  const tab = await openSignedIn(session, APP_ORIGIN)
  await markPage(tab)
  // Renewal starts halfway through the token's life: about 10 s of real time.
  await waitForText(tab, '[data-testid=last-renewal]', 'silent renewal (hidden iframe)', 20_000)
  const log = await readProviderLog(request)
  const [silent] = silentAuthorizations(log)
  expect(silent?.redirectUri).toBe(`${APP_ORIGIN}/silent-renew.html`)
  expect(silent?.loginHint).toBe(SUB)
  expect(codeRedemptions(log)).toHaveLength(2)
  expect(await isPageMarked(tab)).toBe(true)
  expect(await tab.url()).toBe(`${APP_ORIGIN}/`)
  expect(await tab.evaluate<number>('return document.querySelectorAll("iframe").length')).toBe(0)
})

for (const variant of ['cookies withheld (cross-site app origin)', 'framing refused'] as const) {
  test(`when renewal fails (${variant}): bounded attempts, the notice, and Stay signed in returns to the same page`, async ({
    session,
    request,
  }) => {
    test.setTimeout(90_000)
    const origin = variant === 'framing refused' ? APP_ORIGIN : CROSS_SITE_ORIGIN
    await setScenario(request, {
      tokenTtlSeconds: 30,
      refuseFraming: variant === 'framing refused',
    })
    const tab = await openSignedIn(session, origin)
    await tab.click(linkNamed('Account'))
    await waitForText(tab, 'h1', 'Your account')

    await waitForText(tab, '[aria-label="Session ending"]', 'Your session ends in', 40_000)
    const notice = await tab.evaluate<string>(
      'return document.querySelector(\'[aria-label="Session ending"]\').textContent',
    )
    expect(notice).toContain(
      variant === 'framing refused'
        ? 'Renewing it in the background did not work'
        : 'could not renew it in the background',
    )
    const log = await readProviderLog(request)
    expect(silentAuthorizations(log)).toHaveLength(3)
    expect(codeRedemptions(log)).toHaveLength(1)

    // A top-level round trip: wait for the new document, not the old one that showed the email.
    await markPage(tab)
    await tab.click(buttonNamed('Stay signed in'))
    await waitUntil(
      'the page after the round trip',
      async () => !(await isPageMarked(tab)) && (await readTestId(tab, 'email')) === EMAIL,
      15_000,
    )
    expect(await tab.url()).toBe(`${origin}/account/`)
    const topLevel = only(await readProviderLog(request), 'GET', '/auth').at(-1)
    expect(topLevel).toMatchObject({ prompt: 'none', loginHint: SUB, redirectUri: `${origin}/` })
  })
}

test('signing out forgets the tokens and revokes the access token at the provider', async ({
  session,
  request,
}) => {
  const tab = await openSignedIn(session, APP_ORIGIN)
  const [accessToken] = codeRedemptions(await readProviderLog(request))[0]?.issued ?? []
  await tab.click(buttonNamed('Sign out'))
  await waitForText(
    tab,
    '[role=status]',
    'You are signed out of this app and its access was revoked',
  )
  await waitForButton(tab, 'Sign in with Google')
  const revocations = only(await readProviderLog(request), 'POST', '/token/revocation')
  expect(revocations.map((r) => r.status)).toEqual([200])
  const userinfo = await request.get(`${PROVIDER_ORIGIN}/me`, {
    headers: { Authorization: `Bearer ${accessToken ?? ''}` },
  })
  expect(userinfo.status()).toBe(401)
  expect(await readTestId(tab, 'email')).toBeNull()
})

test('signing out in one tab signs out the other, which revokes its own tokens', async ({
  session,
  request,
}) => {
  const first = await openSignedIn(session, APP_ORIGIN)
  const second = await session.newTab()
  await second.goto(`${APP_ORIGIN}/account/`)
  await waitForEmail(second)

  await first.click(buttonNamed('Sign out'))
  await waitForText(second, '[role=status]', 'You signed out in another tab')
  await waitForButton(second, 'Sign in with Google')
  await waitUntil(
    'a revocation from each tab',
    async () => only(await readProviderLog(request), 'POST', '/token/revocation').length === 2,
  )
})

for (const [hostile, title, redeemed] of [
  ['id-token-wrong-aud', 'Sign-in response rejected', 1],
  ['authorization-replaced-state', 'This sign-in link is no longer valid', 0],
] as const) {
  test(`handles a provider that answers with ${hostile}: an alert, Try again, nothing kept`, async ({
    session,
    request,
  }) => {
    await setScenario(request, { hostile })
    const tab = await session.newTab()
    await tab.goto(`${APP_ORIGIN}/`)
    await tab.click(buttonNamed('Sign in with Google'))
    await waitForText(tab, 'h1', 'Choose an account')
    await tab.click(buttonNamed('Continue'))
    await waitForText(tab, '[role=alert]', title)
    await waitForButton(tab, 'Try again')
    expect(await tab.url()).toBe(`${APP_ORIGIN}/`)
    const log = await readProviderLog(request)
    expect(codeRedemptions(log)).toHaveLength(redeemed)
    expect(only(log, 'GET', '/me')).toHaveLength(0)
    expect(await readTestId(tab, 'email')).toBeNull()
    const storage = await dumpStorage(tab)
    for (const token of log.flatMap((r) => r.issued)) expect(storage).not.toContain(token)
    expect(storage).not.toMatch(/oidc\./)
  })
}

test('raises no Content-Security-Policy violation through sign-in, reload and sign-out, and reports a blocked one', async ({
  session,
}) => {
  const tab = await session.newTab()
  const isEarly = await tab.addInitScript(WATCH_CSP)
  const watch = async () => {
    if (!isEarly) await tab.evaluate(`${WATCH_CSP}; return null`)
  }
  await tab.goto(`${APP_ORIGIN}/`)
  await watch()
  await signIn(tab)
  await watch()
  expect(await readViolations(tab)).toEqual([])
  await tab.reload()
  await watch()
  await waitForEmail(tab)
  await tab.click(buttonNamed('Sign out'))
  await waitForButton(tab, 'Sign in with Google')
  expect(await readViolations(tab)).toEqual([])
  // The watcher does see a violation where the engine reports one: a connection elsewhere.
  await tab.evaluate("await fetch('http://127.0.0.1:9/').catch(() => undefined); return null")
  await waitUntil('the blocked connection to be reported', async () =>
    (await readViolations(tab)).some((v) => v.startsWith('connect-src')),
  )
})

test('asks for the calendar at the top level as this account, and comes back to the same page with the events', async ({
  session,
  request,
}) => {
  const tab = await openSignedIn(session, APP_ORIGIN)
  const card = 'section[aria-labelledby="events-heading"]'
  await waitForText(tab, card, 'needs to read your Google Calendar events')
  await tab.click(buttonNamed('Show your next events'))
  await waitForText(tab, 'h1', 'wants access to your Google Account')
  await tab.click(buttonNamed('Allow'))
  await waitForText(tab, `${card} ul`, 'Babbage visit')
  await waitForText(tab, `${card} ul`, 'Analytical Engine review')
  expect(await tab.url()).toBe(`${APP_ORIGIN}/`)
  const log = await readProviderLog(request)
  const incremental = only(log, 'GET', '/auth').filter(
    (r) => r.loginHint === SUB && r.prompt === undefined,
  )
  expect(incremental).toHaveLength(1)
  expect(codeRedemptions(log)).toHaveLength(2) // the sign-in's code, then the calendar's
  const calls = only(log, 'GET', '/calendar/v3/calendars/primary/events')
  expect(calls.map((call) => call.status)).toEqual([200])
})
