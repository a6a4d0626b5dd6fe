import { chromium } from '@playwright/test'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
import { findChromium } from '../tools/find-chromium.ts'
import { LOCAL_ARGS } from './browser-args.ts'
import { expect, readProviderLog, setScenario, test } from './fixtures.ts'
import { signIn } from './helpers.ts'
import { APP_ORIGIN } from './ports.ts'

// Lighthouse (pinned 12.2.3: 13 needs Node 22) on the signed-out and the signed-in page, in
// Debian's Chromium: accessibility and best practices must both score 100. Performance is the
// bench's to report (npm run bench), never a pass mark here.

test.describe.configure({ timeout: 120_000 })

interface CategoryResult {
  score: number | null
  failing: string[]
}

async function audit(port: number, url: string): Promise<Record<string, CategoryResult>> {
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['accessibility', 'best-practices'],
    // The signed-in page is reached the way a person reaches it again: a load that restores the
    // session from the provider's cookie, so the browser's storage must be left as it is.
    disableStorageReset: true,
    formFactor: 'desktop',
    screenEmulation: { mobile: false, width: 1350, height: 940, deviceScaleFactor: 1 },
  })
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`)
  const { categories, audits } = result.lhr
  return Object.fromEntries(
    Object.entries(categories).map(([id, category]) => [
      id,
      {
        score: category.score,
        failing: category.auditRefs
          .filter((ref) => ref.weight > 0 && audits[ref.id]?.score !== 1)
          .map((ref) => `${ref.id}: ${audits[ref.id]?.title ?? ''}`),
      },
    ]),
  )
}

const PERFECT = { score: 1, failing: [] }

test('accessibility and best practices score 100, signed out and signed in', async ({
  request,
}) => {
  const chrome = await chromeLauncher.launch({
    chromePath: findChromium(),
    chromeFlags: ['--headless=new', ...LOCAL_ARGS],
  })
  try {
    expect(await audit(chrome.port, `${APP_ORIGIN}/`)).toEqual({
      accessibility: PERFECT,
      'best-practices': PERFECT,
    })

    // Sign in in the same browser, then let Lighthouse load the signed-in page afresh.
    const browser = await chromium.connectOverCDP(`http://127.0.0.1:${chrome.port}`)
    const context = browser.contexts()[0]
    if (!context) throw new Error('Chromium has no default context')
    const page = await context.newPage()
    await page.goto(`${APP_ORIGIN}/`)
    await signIn(page)
    await page.close()
    await browser.close()

    await setScenario(request, {}) // clears the provider's log
    expect(await audit(chrome.port, `${APP_ORIGIN}/account/`)).toEqual({
      accessibility: PERFECT,
      'best-practices': PERFECT,
    })
    // The audited load was signed in: it restored the session silently and read the profile.
    const log = await readProviderLog(request)
    expect(log.filter((r) => r.path === '/auth' && r.prompt === 'none')).not.toHaveLength(0)
    expect(log.filter((r) => r.path === '/me' && r.status === 200)).not.toHaveLength(0)
  } finally {
    chrome.kill()
  }
})
