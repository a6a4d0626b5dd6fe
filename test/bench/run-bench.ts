/**
 * `npm run bench`: this app against a reference (test/bench/reference: react-oidc-context's README
 * example) in one process, against one local provider, in Debian's Chromium. Every figure twice:
 * locally, and with 100 ms added to every request (CDP Network.emulateNetworkConditions), as the
 * median of RUNS fresh browser contexts, with the ratio to the reference beside it. Figures, not
 * assertions. With `before=<git ref>`, the app as it was at that commit runs in the same process
 * too, so "before" and "after" are measured side by side rather than in different runs. Lighthouse's
 * performance score of each signed-out page closes the table.
 *   npm run bench [-- runs=5] [before=<git ref>]
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, rmSync, symlinkSync } from 'node:fs'
import { join, resolve } from 'node:path'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
import type { Page, Request } from '@playwright/test'
import { build, preview } from 'vite'
import { waitUntil } from '../engines/engine.ts'
import { LOCAL_CLIENT_ID, LOCAL_CLIENT_SECRET } from '../provider/local-client.ts'
import { startLocalProvider } from '../provider/start-provider.ts'
import { measureInitialJs } from '../tools/measure-bundle.ts'
import { LOCAL_ARGS } from '../e2e/browser-args.ts'
import { findChromium } from '../tools/find-chromium.ts'
import { launchChromium, median } from '../tools/spawn-app.ts'

const RUNS = Number(process.argv.find((a) => a.startsWith('runs='))?.slice(5) ?? 5)
const BEFORE = process.argv.find((a) => a.startsWith('before='))?.slice(7)
const PROVIDER_PORT = 4700
const OUT = resolve('.e2e/bench')

interface Subject {
  name: string
  /** Where its sources are, when not this checkout (the `before` commit). */
  root?: string
  port: number
  dist: string
  signInButton: string
  /** Starts one renewal and resolves once the app shows it landed. */
  renew: (page: Page) => Promise<void>
}

const readTestId = (page: Page, id: string) => page.getByTestId(id).textContent()

const subjects: Subject[] = [
  {
    name: 'this app',
    port: 4701,
    dist: join(OUT, 'app'),
    signInButton: 'Sign in with Google',
    renew: async (page) => {
      const before = await readTestId(page, 'last-renewal')
      await page.getByRole('button', { name: 'Renew now' }).click()
      await pollUntil(
        'the renewal',
        async () => (await readTestId(page, 'last-renewal')) !== before,
      )
    },
  },
  {
    name: 'reference',
    port: 4702,
    dist: join(OUT, 'reference'),
    signInButton: 'Log in',
    renew: async (page) => {
      const before = await readTestId(page, 'loads')
      await page.getByRole('button', { name: 'Renew' }).click()
      await pollUntil('the renewal', async () => (await readTestId(page, 'loads')) !== before)
    },
  },
]

const thisApp = subjects[0]
if (BEFORE && thisApp) {
  // The app at that commit, from git (no work tree of its own), using this checkout's packages.
  const root = join(OUT, 'before-src')
  rmSync(root, { recursive: true, force: true })
  mkdirSync(root, { recursive: true })
  execFileSync('sh', ['-c', `git archive ${BEFORE} | tar -x -C ${root}`])
  symlinkSync(resolve('node_modules'), join(root, 'node_modules'))
  subjects.push({
    ...thisApp,
    name: `before (${BEFORE})`,
    port: 4703,
    dist: join(OUT, 'before'),
    root,
  })
}

/** Polls finely: the bench times what it waits for. */
const pollUntil = (what: string, check: () => Promise<boolean>) => waitUntil(what, check, 15_000, 5)

const provider = await startLocalProvider({
  port: PROVIDER_PORT,
  appOrigins: subjects.map((s) => `http://127.0.0.1:${s.port}`),
  clientId: LOCAL_CLIENT_ID,
  clientSecret: LOCAL_CLIENT_SECRET,
  hasRefreshTokens: false,
  tokenTtlSeconds: 3600,
  hasTestControls: false,
})
Object.assign(process.env, {
  VITE_OIDC_ISSUER: provider.issuer,
  VITE_OIDC_CLIENT_ID: LOCAL_CLIENT_ID,
  VITE_OIDC_CLIENT_SECRET: LOCAL_CLIENT_SECRET,
  VITE_LOCAL_PROVIDER: '1',
})
const referenceConfig = 'test/bench/reference/vite.config.ts'
await build({ logLevel: 'error', build: { outDir: join(OUT, 'app') } })
for (const subject of subjects.filter((s) => s.root !== undefined)) {
  // Its vite.config.ts reads public/ and .env from the working directory.
  const here = process.cwd()
  process.chdir(subject.root ?? here)
  await build({ logLevel: 'error', build: { outDir: subject.dist } })
  process.chdir(here)
}
await build({
  configFile: referenceConfig,
  logLevel: 'error',
  build: { outDir: join(OUT, 'reference') },
})
const servers = []
for (const [i, s] of subjects.entries()) {
  const here = process.cwd()
  process.chdir(s.root ?? here)
  servers.push(
    await preview({
      ...(i === 1 ? { configFile: resolve(here, referenceConfig) } : {}),
      logLevel: 'error',
      build: { outDir: s.dist },
      preview: { port: s.port, host: '127.0.0.1', strictPort: true, open: false },
    }),
  )
  process.chdir(here)
}
const browser = await launchChromium()

type Figures = Record<string, number[]>
/** One fresh visitor: load, sign in, one renewal, one reload. */
async function visit(subject: Subject, latency: number, figures: Figures): Promise<void> {
  const add = (key: string, value: number) => (figures[key] ??= []).push(value)
  const context = await browser.newContext()
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency,
    downloadThroughput: -1,
    uploadThroughput: -1,
  })
  const requests: { at: number; request: Request }[] = []
  page.on('request', (request) => requests.push({ at: performance.now(), request }))
  const origin = `http://127.0.0.1:${subject.port}`
  const button = page.getByRole('button', { name: subject.signInButton })

  const load = performance.now()
  await page.goto(`${origin}/`, { waitUntil: 'commit' })
  await button.waitFor()
  add('load → button (ms)', performance.now() - load)
  await page.waitForLoadState('networkidle')

  const click = performance.now()
  const from = requests.length
  await button.click()
  await page.getByRole('button', { name: 'Continue' }).waitFor()
  const authorizeIndex = requests.findIndex(
    (r, i) => i >= from && new URL(r.request.url()).pathname === '/auth',
  )
  const authorize = requests[authorizeIndex]
  if (!authorize) throw new Error('no authorization request')
  add('click → authorize (ms)', authorize.at - click)
  add('click → authorize (requests before it)', authorizeIndex - from)
  await page.getByRole('button', { name: 'Continue' }).click()
  await page.getByTestId('email').waitFor()
  add('click → email (ms)', performance.now() - click)
  add('click → email (requests)', requests.length - from)
  await page.waitForLoadState('networkidle')

  const renewFrom = requests.length
  const renew = performance.now()
  await subject.renew(page)
  add('one renewal (ms)', performance.now() - renew)
  add('one renewal (requests)', requests.length - renewFrom)
  await page.waitForLoadState('networkidle')

  const reload = performance.now()
  await page.reload({ waitUntil: 'commit' })
  await page.getByTestId('email').waitFor()
  add('reload → restored (ms)', performance.now() - reload)
  await context.close()
}

const rows: string[] = []
try {
  const sizes = subjects.map((s) => measureInitialJs(s.dist).gzipBytes)
  rows.push(row('initial JS, gzip (bytes)', '', sizes[0] ?? NaN, sizes[1] ?? NaN, sizes[2]))
  for (const latency of [0, 100]) {
    const figures = subjects.map((): Figures => ({}))
    for (let run = 0; run < RUNS; run += 1) {
      // Alternate the subjects, so that neither always runs on a warmer machine.
      for (const [i, subject] of subjects.entries()) await visit(subject, latency, figures[i] ?? {})
    }
    for (const key of Object.keys(figures[0] ?? {})) {
      const [ours, reference, before] = figures.map((f) => median(f[key] ?? []))
      rows.push(
        row(key, latency === 0 ? 'local' : '+100 ms', ours ?? NaN, reference ?? NaN, before),
      )
    }
  }
  const scores = await lighthousePerformance(subjects.map((s) => `http://127.0.0.1:${s.port}/`))
  rows.push(
    row(
      'Lighthouse performance, signed out (median of 3)',
      'simulated mobile',
      scores[0] ?? NaN,
      scores[1] ?? NaN,
      scores[2],
    ),
  )
} finally {
  await browser.close()
  for (const server of servers) server.httpServer.close()
  await provider.close()
}
console.log(`\nnpm run bench: medians of ${RUNS} runs each, Chromium, one local provider\n`)
const beforeName = subjects[2]?.name
console.log(
  beforeName
    ? `| figure | network | this app | reference | ratio | ${beforeName} | its ratio |\n|---|---|---|---|---|---|---|`
    : '| figure | network | this app | reference | ratio |\n|---|---|---|---|---|',
)
for (const line of rows) console.log(line)

function row(
  figure: string,
  network: string,
  ours: number,
  reference: number,
  before?: number,
): string {
  const ratio = (value: number) => (reference > 0 ? `${(value / reference).toFixed(2)}×` : '—')
  const show = (value: number) => Math.round(value).toLocaleString('en')
  const cells = [figure, network, show(ours), show(reference), ratio(ours)]
  if (before !== undefined) cells.push(show(before), ratio(before))
  return `| ${cells.join(' | ')} |`
}

/** Lighthouse's performance score (0–100) of each page, median of 3, in Debian's Chromium. */
async function lighthousePerformance(urls: string[]): Promise<number[]> {
  const chrome = await chromeLauncher.launch({
    chromePath: findChromium(),
    chromeFlags: ['--headless=new', ...LOCAL_ARGS],
  })
  try {
    const scores: number[] = []
    for (const url of urls) {
      const runs: number[] = []
      for (let run = 0; run < 3; run += 1) {
        const result = await lighthouse(url, {
          port: chrome.port,
          logLevel: 'error',
          onlyCategories: ['performance'],
        })
        runs.push(Math.round((result?.lhr.categories.performance?.score ?? NaN) * 100))
      }
      scores.push(median(runs))
    }
    return scores
  } finally {
    chrome.kill()
  }
}
