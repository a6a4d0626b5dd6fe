import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import puppeteer from 'puppeteer-core'
import type { Engine } from './engine.ts'
import { sessionOfContext } from './page-engine.ts'

/**
 * Debian's Firefox ESR over WebDriver BiDi with puppeteer-core (Playwright's own Firefox channel
 * needs BiDi commands ESR lacks). Each session is a BiDi user context: its own cookies and storage.
 */
export async function launchFirefox(executablePath: string): Promise<Engine> {
  const home = mkdtempSync(join(tmpdir(), 'engine-firefox-'))
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    env: { ...process.env, HOME: home },
  })
  return {
    name: 'firefox',
    version: await browser.version(),
    newSession: async () =>
      sessionOfContext(await browser.createBrowserContext(), (page) => ({
        evaluate: <T>(body: string) => page.evaluate(`(async () => {${body}})()`) as Promise<T>,
        // A person brings a tab to the front to click in it; a background tab also paints no
        // frames, which puppeteer's locator waits for before clicking.
        click: async (xpath) => {
          await page.bringToFront()
          await page.locator(`::-p-xpath(${xpath})`).click()
        },
        addInitScript: async (body) => {
          await page.evaluateOnNewDocument(`(() => {${body}})()`)
          return true
        },
      })),
    close: () => browser.close(),
  }
}
