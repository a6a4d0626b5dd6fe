import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext, type Page } from '@playwright/test'
import { findChromium } from '../tools/find-chromium.ts'
import { LOCAL_ARGS } from './browser-args.ts'
import { expect, readProviderLog, test } from './fixtures.ts'
import { recordRequests } from './helpers.ts'
import { APP_ORIGIN } from './ports.ts'

// A browser that cannot sign in at all gets a sentence, never a crash: the prerendered page stays
// and hydrates, the alert says why, the button is disabled and described by it, the sign-in engine
// is never fetched and the provider hears nothing (the app's start-up discovery request included).

const isEngine = (url: string) => /\/assets\/session-engine-.*\.js$/.test(url)

/**
 * Chromium whose profile says "Don't allow sites to save data on your device" (Settings › Privacy
 * and security › Site settings › On-device site data; the content setting `cookies` = 2, block).
 * With it, reading `window.localStorage` or `window.sessionStorage` throws a SecurityError.
 */
async function launchWithSiteDataBlocked(): Promise<{ context: BrowserContext; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'chromium-no-site-data-'))
  mkdirSync(join(dir, 'Default'))
  writeFileSync(
    join(dir, 'Default', 'Preferences'),
    JSON.stringify({ profile: { default_content_setting_values: { cookies: 2 } } }),
  )
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: findChromium(),
    args: LOCAL_ARGS,
    baseURL: APP_ORIGIN,
  })
  return { context, dir }
}

/**
 * Uncaught errors, and whether the button on screen is still the one the HTML parser made: React
 * recreates the page when hydration fails, so a replaced button means the prerender was thrown away.
 */
async function watchPage(page: Page): Promise<{ errors: string[] }> {
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      const button = document.querySelector('.gsi-button')
      if (!button) return
      Object.assign(window, { parsedButton: button })
      observer.disconnect()
    }).observe(document, { childList: true, subtree: true })
  })
  return { errors }
}

const isParsedButton = (page: Page) =>
  page.evaluate(
    () =>
      document.querySelector('.gsi-button') === (window as { parsedButton?: Element }).parsedButton,
  )

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** The alert says `text`; the button is disabled, and its accessible description is that alert. */
async function expectRefusal(page: Page, text: string): Promise<void> {
  const alert = page.getByRole('alert')
  await expect(alert).toContainText(text)
  const button = page.getByRole('button', { name: 'Sign in with Google' })
  await expect(button).toBeDisabled()
  await expect(button).toHaveAccessibleDescription(new RegExp(escapeRegExp(text)))
  await expect(page.getByText('Something went wrong')).toHaveCount(0)
}

test.describe('site data blocked', () => {
  let context: BrowserContext
  let dir: string
  test.beforeEach(async () => {
    ;({ context, dir } = await launchWithSiteDataBlocked())
  })
  test.afterEach(async () => {
    await context.close()
    rmSync(dir, { recursive: true, force: true })
  })

  test('the prerendered page stays and explains how to allow site data; nothing is requested', async ({
    request,
  }) => {
    const page = context.pages()[0] ?? (await context.newPage())
    const requests = recordRequests(page)
    const { errors } = await watchPage(page)
    await page.goto('/')

    // The preference really does what the brief says a blocked browser does.
    expect(
      await page.evaluate(() => {
        try {
          return typeof window.localStorage
        } catch (error) {
          return (error as Error).name
        }
      }),
    ).toBe('SecurityError')

    await expect(
      page.getByRole('heading', { name: 'Sign in with Google, no backend' }),
    ).toBeVisible()
    await expectRefusal(page, 'Signing in needs site data')
    const alert = page.getByRole('alert')
    for (const browser of ['Chrome: Settings', 'Edge: Settings', 'Firefox: Settings', 'Safari:'])
      await expect(alert).toContainText(browser)
    expect(await isParsedButton(page)).toBe(true)

    // Reloading, as the alert offers, finds the browser as blocked as before.
    await Promise.all([
      page.waitForEvent('load'),
      alert.getByRole('button', { name: 'Reload the page' }).click(),
    ])
    await expectRefusal(page, 'Signing in needs site data')

    expect(requests.filter((r) => isEngine(r.url()))).toEqual([])
    expect(await readProviderLog(request)).toEqual([])
    expect(errors).toEqual([])
  })

  test('an authorization response arriving anyway is cleaned away, never redeemed', async ({
    request,
  }) => {
    const page = context.pages()[0] ?? (await context.newPage())
    const { errors } = await watchPage(page)
    await page.goto('/?code=stray-code&state=stray-state')

    await expectRefusal(page, 'Signing in needs site data')
    expect(page.url()).toBe(`${APP_ORIGIN}/`)
    await expect(page.getByText('Signing you in…')).toHaveCount(0)
    expect(await readProviderLog(request)).toEqual([])
    expect(errors).toEqual([])
  })
})

test.describe('a feature the sign-in needs is missing', () => {
  for (const [feature, remove] of [
    [
      'BroadcastChannel',
      () => {
        Reflect.deleteProperty(window, 'BroadcastChannel')
      },
    ],
    [
      'crypto.subtle',
      () => {
        Object.defineProperty(Crypto.prototype, 'subtle', { get: () => undefined })
      },
    ],
  ] as const) {
    test(`without ${feature}, the page names it and asks the provider nothing`, async ({
      page,
      request,
    }) => {
      const requests = recordRequests(page)
      const { errors } = await watchPage(page)
      await page.addInitScript(remove)
      await page.goto('/account/')

      await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible()
      await expectRefusal(
        page,
        `This browser can’t sign you in: it lacks ${feature}. Update it, or use a current version of Chrome, Edge, Firefox or Safari.`,
      )
      expect(await isParsedButton(page)).toBe(true)
      expect(requests.filter((r) => isEngine(r.url()))).toEqual([])
      expect(await readProviderLog(request)).toEqual([])
      expect(errors).toEqual([])
    })
  }
})
