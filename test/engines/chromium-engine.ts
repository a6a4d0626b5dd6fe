import { chromium } from '@playwright/test'
import { LOCAL_ARGS } from '../e2e/browser-args.ts'
import { findChromium } from '../tools/find-chromium.ts'
import type { Engine } from './engine.ts'
import { sessionOfContext } from './page-engine.ts'

/** Debian's Chromium through Playwright: the reference engine, as the rest of the suite runs it. */
export async function launchChromium(): Promise<Engine> {
  const browser = await chromium.launch({ executablePath: findChromium(), args: LOCAL_ARGS })
  return {
    name: 'chromium',
    version: browser.version(),
    newSession: async () =>
      sessionOfContext(await browser.newContext(), (page) => ({
        evaluate: <T>(body: string) => page.evaluate<T>(`(async () => {${body}})()`),
        click: (xpath) => page.locator(`xpath=${xpath}`).first().click(),
        addInitScript: async (body) => {
          await page.addInitScript(`(() => {${body}})()`)
          return true
        },
      })),
    close: () => browser.close(),
  }
}
