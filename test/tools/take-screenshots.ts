/**
 * Regenerates the README screenshots from a running `npm start` (local provider):
 *   npm start & npx tsx test/tools/take-screenshots.ts
 */
import { chromium } from '@playwright/test'
import { findChromium } from './find-chromium.ts'

const appUrl = process.env.APP_URL ?? 'http://127.0.0.1:4173/'
const browser = await chromium.launch({
  executablePath: findChromium(),
  args: ['--no-sandbox', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
})
try {
  const page = await browser.newPage({ viewport: { width: 900, height: 860 } })
  await page.goto(appUrl)
  await page.getByRole('button', { name: 'Sign in with Google' }).waitFor()
  await page.screenshot({ path: 'docs/screenshot-signed-out.png' })
  await page.getByRole('button', { name: 'Sign in with Google' }).click()
  await page.getByRole('button', { name: 'Continue' }).click()
  await page.getByTestId('email').waitFor()
  await page.locator('img.avatar').evaluate((img: HTMLImageElement) => img.decode())
  await page.screenshot({ path: 'docs/screenshot-signed-in.png' })
} finally {
  await browser.close()
}
