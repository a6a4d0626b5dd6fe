/**
 * Regenerates the README screenshots from a running `npm start` (local provider): light and dark,
 * a phone-sized screen, the events card, and one error, so they never go stale.
 *   npm start & npx tsx test/tools/take-screenshots.ts
 */
import { chromium, type Browser, type BrowserContextOptions, type Page } from '@playwright/test'
import { findChromium } from './find-chromium.ts'

const appUrl = process.env.APP_URL ?? 'http://127.0.0.1:4173/'

async function withPage(
  browser: Browser,
  options: BrowserContextOptions,
  use: (page: Page) => Promise<void>,
): Promise<void> {
  const context = await browser.newContext(options)
  try {
    await use(await context.newPage())
  } finally {
    await context.close()
  }
}

async function signIn(page: Page): Promise<void> {
  await page.goto(appUrl)
  await page.getByRole('button', { name: 'Sign in with Google' }).click()
  await page.getByRole('button', { name: 'Continue' }).click()
  await page.getByTestId('email').waitFor()
  await page.locator('img.avatar').evaluate((img: HTMLImageElement) => img.decode())
}

const desktop = { viewport: { width: 900, height: 860 } }
const browser = await chromium.launch({
  executablePath: findChromium(),
  args: ['--no-sandbox', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
})
try {
  await withPage(browser, { ...desktop, colorScheme: 'light' }, async (page) => {
    await page.goto(appUrl)
    await page.getByRole('button', { name: 'Sign in with Google' }).waitFor()
    await page.screenshot({ path: 'docs/screenshot-signed-out.png' })
    await signIn(page)
    await page.screenshot({ path: 'docs/screenshot-signed-in.png' })
  })
  await withPage(browser, { ...desktop, colorScheme: 'dark' }, async (page) => {
    await signIn(page)
    await page.screenshot({ path: 'docs/screenshot-dark.png' })
  })
  await withPage(
    browser,
    { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true },
    async (page) => {
      await signIn(page)
      await page.screenshot({ path: 'docs/screenshot-mobile.png' })
    },
  )
  await withPage(browser, { ...desktop, colorScheme: 'light' }, async (page) => {
    // "Your next events": asked for on use, granted on the consent page, back with the events.
    await signIn(page)
    const card = page.getByRole('region', { name: 'Your next events' })
    await card.getByRole('button', { name: 'Show your next events' }).click()
    await page.getByRole('button', { name: 'Allow' }).click()
    await card.getByRole('list', { name: 'Your next events' }).waitFor()
    await card.screenshot({ path: 'docs/screenshot-events.png' })
  })
  await withPage(browser, desktop, async (page) => {
    // The person cancels at the provider: the app says so, and offers to try again.
    await page.goto(appUrl)
    await page.getByRole('button', { name: 'Sign in with Google' }).click()
    await page.getByRole('button', { name: 'Cancel' }).click()
    await page.getByRole('alert').getByText('Sign-in cancelled').waitFor()
    await page.getByText('Technical details').click()
    await page.screenshot({ path: 'docs/screenshot-error.png' })
  })
} finally {
  await browser.close()
}
