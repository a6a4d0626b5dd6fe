import type { APIResponse, Request } from '@playwright/test'
import { CACHE_IMMUTABLE, CACHE_REVALIDATE, describeHostingRules } from 'static-signin/vite'
import { PAGE_PATHS } from '../../src/pages-list.ts'
import { HOSTS_BASE, HOSTS_PROVIDER_ORIGIN, HOSTS_WORK_DIR } from '../hosts/hosts-world.ts'
import { STATIC_SERVERS } from '../hosts/static-servers.ts'
import { describeMissingTools } from '../tools/missing-tools.ts'
import { expect, test } from './fixtures.ts'
import { sawSignInButton, signIn, watchForSignInButton } from './helpers.ts'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'

// The sub-path build behind nginx, Caddy and a plain server, from test/hosts/start-hosts.ts.
const rules = describeHostingRules(HOSTS_PROVIDER_ORIGIN, HOSTS_BASE, PAGE_PATHS)
const hashedAsset = () => {
  const assets = readdirSync(join(HOSTS_WORK_DIR, 'www', HOSTS_BASE, 'assets'))
  const entry = assets.find((file) => /^index-[\w-]+\.js$/.test(file))
  if (!entry) throw new Error('the sub-path build has no entry script')
  return `${rules.hashedPrefix}${entry}`
}
/** The 404 page: the app's document, rendered in the browser. */
const APP_DOCUMENT = '<div id="root"></div>'
/** Each page: its own signed-out view, prerendered for its path (src/prerender.tsx). */
const prerenderedFor = (page: string) => `<div id="root" data-prerendered="${page}">`

const providerRequests = (requests: Request[], path: string) =>
  requests.filter((r) => r.url().startsWith(`${HOSTS_PROVIDER_ORIGIN}${path}`))

async function expectSecurityHeaders(response: APIResponse, cacheControl: string): Promise<void> {
  const headers = response.headers()
  for (const [name, value] of Object.entries(rules.securityHeaders)) {
    expect(headers[name.toLowerCase()], `${name} of ${response.url()}`).toBe(value)
  }
  expect(headers['content-security-policy']).toContain("frame-ancestors 'self'")
  expect(headers['cache-control'], `Cache-Control of ${response.url()}`).toBe(cacheControl)
  await response.dispose()
}

for (const server of STATIC_SERVERS) {
  const origin = `http://127.0.0.1:${server.port}`
  const at = (path: string) => `${origin}${path}`

  test.describe(`behind ${server.name}, at ${HOSTS_BASE}, with no rewrite rule`, () => {
    const missing = describeMissingTools([server.pkg])
    test.skip(missing !== undefined, `${server.name} is not installed here: ${missing ?? ''}`)

    test('every page answers 200 with the app, unknown paths 404, hashed assets 200', async ({
      request,
    }) => {
      const get = (path: string) => request.get(at(path), { maxRedirects: 0 })
      for (const page of rules.pages) {
        const response = await get(page)
        expect(response.status(), page).toBe(200)
        expect(response.headers()['content-type']).toMatch(/^text\/html/)
        expect(await response.text()).toContain(prerenderedFor(page))
      }
      for (const file of ['silent-renew.html', 'favicon.svg']) {
        expect((await get(`${HOSTS_BASE}${file}`)).status(), file).toBe(200)
      }
      const asset = await get(hashedAsset())
      expect(asset.status()).toBe(200)
      expect(asset.headers()['content-type']).toMatch(/javascript/)

      const unknown = await get(`${HOSTS_BASE}no/such/page`)
      expect(unknown.status()).toBe(404)
      if (server.hasAppNotFound) expect(await unknown.text()).toContain(APP_DOCUMENT)
      expect((await get(`${rules.hashedPrefix}missing-0000.js`)).status()).toBe(404)
      // Without the slash, the server's own one hop; the app's links always carry the slash.
      const bare = await get(`${HOSTS_BASE}account`)
      expect([301, 308]).toContain(bare.status())
      expect(bare.headers().location).toMatch(new RegExp(`${HOSTS_BASE}account/$`))
    })

    if (server.hasHeaders) {
      test('sends the security headers and the cache rule of each file type', async ({
        request,
      }) => {
        const get = (path: string) => request.get(at(path), { maxRedirects: 0 })
        for (const page of rules.pages)
          await expectSecurityHeaders(await get(page), CACHE_REVALIDATE)
        for (const file of ['silent-renew.html', '404.html', 'favicon.svg']) {
          await expectSecurityHeaders(await get(`${HOSTS_BASE}${file}`), CACHE_REVALIDATE)
        }
        await expectSecurityHeaders(await get(hashedAsset()), CACHE_IMMUTABLE)
        await expectSecurityHeaders(await get(`${HOSTS_BASE}no/such/page`), CACHE_REVALIDATE)
      })
    }

    test('sign-in, a deep link in a new tab, reload and sign-out all work under the sub-path', async ({
      context,
    }) => {
      const first = await context.newPage()
      const requests: Request[] = []
      context.on('request', (r) => requests.push(r))
      await first.goto(at(HOSTS_BASE))
      await signIn(first)
      const [authorize] = providerRequests(requests, '/auth')
      expect(new URL(authorize?.url() ?? 'about:blank').searchParams.get('redirect_uri')).toBe(
        at(HOSTS_BASE),
      )
      expect(first.url()).toBe(at(HOSTS_BASE))

      // A deep link opened in a new tab: served as a real file, restored without a flash.
      const second = await context.newPage()
      await watchForSignInButton(second)
      const deepLink = await second.goto(at(`${HOSTS_BASE}account/`))
      expect(deepLink?.status()).toBe(200)
      await expect(second.getByRole('heading', { name: 'Your account' })).toBeVisible()
      await expect(second.getByTestId('email')).toHaveText('ada.lovelace@example.com')
      expect(await sawSignInButton(second)).toBe(false)

      const reloaded = await second.reload()
      expect(reloaded?.status()).toBe(200)
      await expect(second.getByTestId('email')).toHaveText('ada.lovelace@example.com')
      expect(await sawSignInButton(second)).toBe(false)
      expect(second.url()).toBe(at(`${HOSTS_BASE}account/`))

      // In-app navigation stays under the base; the app's own links need no redirect.
      await second.getByRole('link', { name: 'Home' }).click()
      expect(second.url()).toBe(at(HOSTS_BASE))
      await second.getByRole('link', { name: 'Account' }).click()
      expect(second.url()).toBe(at(`${HOSTS_BASE}account/`))

      const renewals = providerRequests(requests, '/auth').filter(
        (r) =>
          new URL(r.url()).searchParams.get('redirect_uri') ===
          at(`${HOSTS_BASE}silent-renew.html`),
      )
      expect(renewals.length).toBeGreaterThanOrEqual(1) // the new tab's silent sign-in

      await first.getByRole('button', { name: 'Sign out' }).click()
      await expect(first.getByRole('button', { name: 'Sign in with Google' })).toBeVisible()
      await expect(second.getByRole('button', { name: 'Sign in with Google' })).toBeVisible()
      await expect.poll(() => providerRequests(requests, '/token/revocation').length).toBe(2)
    })
  })
}

test('an authorization response at any page but the redirect URI is never redeemed, only cleaned', async ({
  page,
}) => {
  const origin = `http://127.0.0.1:${STATIC_SERVERS[0]?.port ?? 0}`
  const requests: Request[] = []
  page.on('request', (r) => requests.push(r))
  await page.goto(`${origin}${HOSTS_BASE}account/?code=stolen&state=whatever&iss=x&tab=2`)
  await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Sign in with Google' })).toBeVisible()
  expect(page.url()).toBe(`${origin}${HOSTS_BASE}account/?tab=2`)
  expect(providerRequests(requests, '/token')).toHaveLength(0)
  await expect(page.getByRole('alert')).toHaveCount(0)
})

test('an unknown address under the sub-path shows the app’s own Not Found page', async ({
  page,
}) => {
  const origin = `http://127.0.0.1:${STATIC_SERVERS[0]?.port ?? 0}`
  const response = await page.goto(`${origin}${HOSTS_BASE}no/such/page`)
  expect(response?.status()).toBe(404)
  await expect(page.getByText('There is nothing at this address.')).toBeVisible()
  await page.getByRole('link', { name: 'Go to the home page' }).click()
  await expect(page.getByRole('button', { name: 'Sign in with Google' })).toBeVisible()
  expect(page.url()).toBe(`${origin}${HOSTS_BASE}`)
})

test('sign-in under the sub-path returns to any page of the app, query included', async ({
  page,
}) => {
  const origin = `http://127.0.0.1:${STATIC_SERVERS[0]?.port ?? 0}`
  const target = `${HOSTS_BASE}account/?tab=keys`
  await page.goto(`${origin}${HOSTS_BASE}sign-in/?returnTo=${encodeURIComponent(target)}`)
  await signIn(page)
  expect(page.url()).toBe(`${origin}${target}`)
  await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible()
})
