/**
 * Soak test of the session lifecycle (figures, not assertions): one signed-in tab with 20-second
 * tokens for N seconds (default 600), not touched while it runs. Reports renewals against the
 * expected count, main-frame navigations, the JS heap after garbage collection at intervals,
 * iframes left in the DOM, renewal latency and requests per renewal; then how long a reload takes
 * to restore the session.
 *   npx tsx test/tools/soak-session.ts [seconds=600] [heap sample interval in seconds=120]
 */
import type { Request } from '@playwright/test'
import { launchChromium, median, startLocalApp } from './spawn-app.ts'

const seconds = Number(process.argv[2] ?? 600)
const sampleEvery = Number(process.argv[3] ?? 120)
const TTL = 20
const app = await startLocalApp(4374, 4601, { TOKEN_TTL_SECONDS: String(TTL) })
const browser = await launchChromium()
try {
  const page = await browser.newPage()
  const cdp = await page.context().newCDPSession(page)
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage')
    return (await cdp.send('Runtime.getHeapUsage')).usedSize
  }
  await page.goto(`${app.origin}/`)
  await page.getByRole('button', { name: 'Sign in with Google' }).click()
  await page.getByRole('button', { name: 'Continue' }).click()
  await page.getByTestId('email').waitFor()

  const requests: Request[] = []
  page.on('request', (r) => requests.push(r))
  let navigations = 0
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) navigations += 1
  })
  const heapSamples = [await heap()]
  const started = Date.now()
  while (Date.now() - started < seconds * 1000) {
    await page.waitForTimeout(Math.min(sampleEvery * 1000, seconds * 1000 - (Date.now() - started)))
    heapSamples.push(await heap())
  }
  const isSignedIn = (await page.getByTestId('email').count()) === 1
  const iframes = await page.locator('iframe').count()
  // Chromium buffers up to 250 resource-timing entries per page: part of any early heap growth.
  const timingEntries = await page.evaluate(() => performance.getEntriesByType('resource').length)
  // Renewal latency: from the iframe's authorization request to the end of the token response.
  const starts = requests.filter((r) => r.url().startsWith(`${app.providerOrigin}/auth?`))
  const ends = requests.filter(
    (r) => r.url() === `${app.providerOrigin}/token` && r.method() === 'POST',
  )
  const ms = ends
    .map((end, i) => {
      const start = starts[i]
      return start
        ? end.timing().startTime + end.timing().responseEnd - start.timing().startTime
        : NaN
    })
    .filter(Number.isFinite)

  console.log(`duration: ${seconds} s with ${TTL} s tokens (renewal every ${TTL / 2} s)`)
  console.log(`still signed in: ${isSignedIn}; main-frame navigations: ${navigations}`)
  console.log(`renewals: ${ends.length} (expected about ${Math.floor(seconds / (TTL / 2))})`)
  console.log(`requests per renewal: ${(requests.length / Math.max(ends.length, 1)).toFixed(1)}`)
  console.log(
    `renewal latency: median ${median(ms).toFixed(0)} ms, max ${Math.max(...ms).toFixed(0)} ms`,
  )
  console.log(
    `JS heap after GC, every ${sampleEvery} s: ${heapSamples.map((b) => (b / 1024).toFixed(0)).join(', ')} KiB`,
  )
  console.log(
    `iframes left in the DOM: ${iframes}; resource-timing entries buffered: ${timingEntries}`,
  )

  const restores: number[] = []
  for (let i = 0; i < 5; i += 1) {
    const t0 = Date.now()
    await page.reload()
    await page.getByTestId('email').waitFor()
    restores.push(Date.now() - t0)
  }
  console.log(`reload → profile restored: median ${median(restores)} ms (${restores.join(', ')})`)
} finally {
  await browser.close()
  app.stop()
}
