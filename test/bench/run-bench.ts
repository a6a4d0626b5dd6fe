/**
 * `npm run bench`: this app against a reference (test/bench/reference: react-oidc-context's README
 * example) in one process, against one local provider, in Debian's Chromium. Every figure twice:
 * locally, and with 100 ms added to every request (CDP Network.emulateNetworkConditions), as the
 * median of RUNS fresh browser contexts, with the ratio to the reference beside it. Figures, not
 * assertions.
 *   npm run bench [-- runs=5]
 */
import { join, resolve } from 'node:path'
import type { Page, Request } from '@playwright/test'
import { build, preview } from 'vite'
import { waitUntil } from '../engines/engine.ts'
import { LOCAL_CLIENT_ID, LOCAL_CLIENT_SECRET } from '../provider/local-client.ts'
import { startLocalProvider } from '../provider/start-provider.ts'
import { measureInitialJs } from '../tools/measure-bundle.ts'
import { launchChromium, median } from '../tools/spawn-app.ts'

const RUNS = Number(process.argv.find((a) => a.startsWith('runs='))?.slice(5) ?? 5)
const PROVIDER_PORT = 4700
const OUT = resolve('.e2e/bench')

interface Subject {
  name: string
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
await build({
  configFile: referenceConfig,
  logLevel: 'error',
  build: { outDir: join(OUT, 'reference') },
})
const servers = await Promise.all(
  subjects.map((s, i) =>
    preview({
      ...(i === 1 ? { configFile: referenceConfig } : {}),
      logLevel: 'error',
      build: { outDir: s.dist },
      preview: { port: s.port, host: '127.0.0.1', strictPort: true, open: false },
    }),
  ),
)
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
  rows.push(row('initial JS, gzip (bytes)', '', sizes[0] ?? NaN, sizes[1] ?? NaN))
  for (const latency of [0, 100]) {
    const figures = subjects.map((): Figures => ({}))
    for (let run = 0; run < RUNS; run += 1) {
      // Alternate the subjects, so that neither always runs on a warmer machine.
      for (const [i, subject] of subjects.entries()) await visit(subject, latency, figures[i] ?? {})
    }
    for (const key of Object.keys(figures[0] ?? {})) {
      const [ours, reference] = figures.map((f) => median(f[key] ?? []))
      rows.push(row(key, latency === 0 ? 'local' : '+100 ms', ours ?? NaN, reference ?? NaN))
    }
  }
} finally {
  await browser.close()
  for (const server of servers) server.httpServer.close()
  await provider.close()
}
console.log(`\nnpm run bench: medians of ${RUNS} runs each, Chromium, one local provider\n`)
console.log('| figure | network | this app | reference | ratio |')
console.log('|---|---|---|---|---|')
for (const line of rows) console.log(line)

function row(figure: string, network: string, ours: number, reference: number): string {
  const ratio = reference > 0 ? `${(ours / reference).toFixed(2)}×` : '—'
  return `| ${figure} | ${network} | ${Math.round(ours).toLocaleString('en')} | ${Math.round(reference).toLocaleString('en')} | ${ratio} |`
}
