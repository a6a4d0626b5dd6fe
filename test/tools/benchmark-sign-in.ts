/**
 * Benchmark of the sign-in path against the local provider (figures, not assertions):
 * starts `npm start --local` on its own ports, then for N fresh browser contexts measures the time
 * from the click on "Sign in with Google" to the email being shown — excluding the time the person
 * spends on the provider's page — and counts the requests of the whole path.
 *   npx tsx test/tools/benchmark-sign-in.ts [runs=10]
 */
import type { Request } from '@playwright/test'
import { launchChromium, median, startLocalApp } from './spawn-app.ts'

const runs = Number(process.argv[2] ?? 10)
const app = await startLocalApp(4373, 4600)
const APP = app.origin
const browser = await launchChromium()
const toProvider: number[] = []
const back: number[] = []
const requestCounts: number[] = []
try {
  for (let i = 0; i < runs; i += 1) {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${APP}/`)
    await page.getByRole('button', { name: 'Sign in with Google' }).waitFor()
    await page.waitForLoadState('networkidle')
    const requests: Request[] = []
    page.on('request', (r) => requests.push(r))
    const t0 = performance.now()
    await page.getByRole('button', { name: 'Sign in with Google' }).click()
    await page.getByRole('button', { name: 'Continue' }).waitFor()
    const t1 = performance.now()
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.getByTestId('email').waitFor()
    const t2 = performance.now()
    await page.waitForLoadState('networkidle')
    toProvider.push(t1 - t0)
    back.push(t2 - t1)
    requestCounts.push(requests.length)
    await context.close()
  }
} finally {
  await browser.close()
  app.stop()
}
console.log(`sign-in runs: ${runs}`)
console.log(`click → provider page shown: median ${median(toProvider).toFixed(0)} ms`)
console.log(`"Continue" at provider → email shown: median ${median(back).toFixed(0)} ms`)
console.log(
  `click → email, provider page time excluded: median ${(median(toProvider) + median(back)).toFixed(0)} ms`,
)
console.log(`requests from click to settled profile page: median ${median(requestCounts)}`)
