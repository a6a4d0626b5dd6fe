/**
 * `npm run bench`: this app against a reference (test/bench/reference: react-oidc-context's README
 * example) in one process, against one local provider, in Debian's Chromium. Every figure on three
 * networks: locally, with 100 ms added to every request (CDP Network.emulateNetworkConditions), and
 * the same with the CPU slowed 4× (Emulation.setCPUThrottlingRate, a phone), as the median of RUNS
 * fresh browser contexts, with the ratio to the reference beside it. Figures, not assertions. With
 * `before=<git ref>`, the app as it was at that commit runs in the same process too, so "before"
 * and "after" are measured side by side rather than in different runs. Lighthouse's performance
 * score of each signed-out page closes the table.
 *
 * What a person sees is timed in the page (watchShown): the frame on which the email or the button
 * is first visible. "callback → email" runs from the request of the callback's document (after the
 * provider's redirect) to that frame. Each time figure has its floor beside it: the time of the
 * requests no design can avoid (the documents, the authorization round trip, the token request),
 * as the same run's browser timed them, so that the distance to it is visible.
 *
 * A second table: reload → email shown again, by the path the restore takes (issue 18), with what
 * each reload asked for (documents, authorization and token requests, read from the browser):
 * - iframe: the app on 127.0.0.1 like the provider, same-site, so the provider's cookies reach the
 *   hidden iframe (the main table's "reload → restored");
 * - top-level, first load: the app opened as http://localhost:<port>, cross-site to the provider,
 *   whose cookies Debian's Chromium withholds from the iframe: the iframe fails, then one top-level
 *   `prompt=none` round trip, and the browser learns it;
 * - top-level, remembered: a second reload, straight to the round trip.
 * Against the reference's reload → its sign-in button: it keeps its user in sessionStorage, so its
 * stored user is removed first, which is what a reload leaves of tokens kept in memory. Last, the
 * Google build against the HTTPS stand-in at Google's hostnames (test/google/), without reference.
 *   npm run bench [-- runs=5] [before=<git ref>] [waterfall]
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, rmSync, symlinkSync } from 'node:fs'
import { join, resolve } from 'node:path'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
import type { Browser, Page, Request } from '@playwright/test'
import { build, preview } from 'vite'
import { waitUntil } from '../engines/engine.ts'
import { ensureTestCertificate } from '../google/certificate.ts'
import { startGoogleStandIn } from '../google/stand-in.ts'
import { GOOGLE_HOSTS } from '../google/wire-format.ts'
import { LOCAL_CLIENT_ID, LOCAL_CLIENT_SECRET } from '../provider/local-client.ts'
import { describeGoogleBuildEnv } from '../google/client.ts'
import { startLocalProvider } from '../provider/start-provider.ts'
import { measureInitialJs } from '../tools/measure-bundle.ts'
import { LOCAL_ARGS } from '../e2e/browser-args.ts'
import { findChromium } from '../tools/find-chromium.ts'
import { launchChromium, median } from '../tools/spawn-app.ts'

const RUNS = Number(process.argv.find((a) => a.startsWith('runs='))?.slice(5) ?? 5)
const BEFORE = process.argv.find((a) => a.startsWith('before='))?.slice(7)
/** `waterfall`: print every timed reload's requests, in ms from the reload, with their frame. */
const WATERFALL = process.argv.includes('waterfall')
const PROVIDER_PORT = 4700
/** The Google build, and the stand-in for Google (HTTPS, plus its control port), on the bench's ports. */
const GOOGLE_APP_PORT = 4704
const STAND_IN_PORT = 4705
const STAND_IN_CONTROL_PORT = 4706
/** Shaped like a Google Web client, as test/google/start.ts's (which starts servers when imported). */
const STAND_IN_CLIENT_ID = '123456789012-standin0bench0client0abcdefghij.apps.googleusercontent.com'
const STAND_IN_CLIENT_SECRET = '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veryone'
const OUT = resolve('.e2e/bench')
/** Where this app remembers that the iframe cannot restore here (packages/static-signin/src/session/restore-path.ts). */
const restorePathKey = (clientId: string) => `static-signin.restore-path:${clientId}`

interface Subject {
  name: string
  /** Where its sources are, when not this checkout (the `before` commit). */
  root?: string
  port: number
  dist: string
  signInButton: string
  /** Starts one renewal and resolves once the app shows it landed. */
  renew: (page: Page) => Promise<void>
  /**
   * Removes the tokens it stored, leaving what a reload leaves of tokens kept in memory: the
   * reference's only way to be compared on the same terms.
   */
  forgetTokens?: (page: Page) => Promise<void>
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
    forgetTokens: async (page) => {
      // react-oidc-context's default user store: sessionStorage, `oidc.user:<authority>:<client>`.
      await page.evaluate(() => {
        for (const key of Object.keys(sessionStorage)) {
          if (key.startsWith('oidc.user:')) sessionStorage.removeItem(key)
        }
      })
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
  // This checkout's packages, but its own sign-in package: the workspace link would point here.
  mkdirSync(join(root, 'node_modules'))
  for (const entry of readdirSync('node_modules')) {
    if (entry !== 'static-signin')
      symlinkSync(resolve('node_modules', entry), join(root, 'node_modules', entry))
  }
  const ownPackage = join(root, 'packages/static-signin')
  if (existsSync(ownPackage)) {
    symlinkSync(ownPackage, join(root, 'node_modules/static-signin'))
    execFileSync(process.execPath, [join(ownPackage, 'build.js')], { stdio: 'inherit' })
  }
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
  // On localhost too: cross-site to the provider, so its cookies do not reach the iframe.
  appOrigins: subjects.flatMap((s) => [`http://127.0.0.1:${s.port}`, `http://localhost:${s.port}`]),
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
// The Google build, as test/google/start.ts makes it: the default issuer and embedded metadata.
// Only now: `vite preview` derives each server's headers (its CSP) from the environment it starts in.
const googleOrigin = `http://127.0.0.1:${GOOGLE_APP_PORT}`
Object.assign(process.env, describeGoogleBuildEnv(STAND_IN_CLIENT_ID, STAND_IN_CLIENT_SECRET))
await build({ logLevel: 'error', build: { outDir: join(OUT, 'google') } })
const certificate = ensureTestCertificate()
const stopStandIn = await startGoogleStandIn({
  certificate,
  port: STAND_IN_PORT,
  controlPort: STAND_IN_CONTROL_PORT,
  clientId: STAND_IN_CLIENT_ID,
  clientSecret: STAND_IN_CLIENT_SECRET,
  appOrigin: googleOrigin,
})
servers.push(
  await preview({
    logLevel: 'error',
    build: { outDir: join(OUT, 'google') },
    preview: { port: GOOGLE_APP_PORT, host: '127.0.0.1', strictPort: true, open: false },
  }),
)
const browser = await launchChromium()
/** Google's hostnames resolve to the stand-in, whose key alone is trusted (test/e2e/browser-args.ts). */
const googleBrowser = await launchChromium({
  hostMaps: GOOGLE_HOSTS.map((host) => `MAP ${host} 127.0.0.1:${STAND_IN_PORT}`),
  args: [`--ignore-certificate-errors-spki-list=${certificate.spkiHash}`],
})

type Figures = Record<string, number[]>

/** The wall clock in ms, at sub-millisecond resolution: the same clock in Node and in the page. */
const now = () => performance.timeOrigin + performance.now()

/** What the bench waits to see: the signed-in email, or the sign-in button. */
type Shown = 'email' | 'button'
/**
 * Notes, in the page, the frame on which `email` or `button` is first visible, as a time since the
 * document's navigation started, so that a figure is not the test runner's polling interval
 * (Playwright waits 100, then 500 ms between looks). The button counts once visible by its name,
 * the email by its test id; the time is taken in the next animation frame, which Chromium runs
 * only once the page may paint (a stylesheet still loading holds it back). Text, not a function:
 * tsx would wrap a function's inner functions in a helper the page does not have.
 */
const watchShown = (buttonNames: string[]) => `(() => {
  const names = ${JSON.stringify(buttonNames)}
  const seen = {}
  window.__shown = seen
  const note = (what) => {
    seen[what] = -1
    requestAnimationFrame(() => { seen[what] = performance.now() })
  }
  const look = () => {
    const email = document.querySelector('[data-testid="email"]')
    if (seen.email === undefined && email && email.checkVisibility()) note('email')
    if (seen.button !== undefined) return
    for (const button of document.querySelectorAll('button')) {
      const name = button.getAttribute('aria-label') ?? button.textContent.trim()
      if (names.includes(name) && button.checkVisibility()) return note('button')
    }
  }
  new MutationObserver(look).observe(document, {
    subtree: true, childList: true, attributes: true, characterData: true,
  })
})()`

/**
 * When `what` was first shown in the page now open: ms since its navigation started, and since its
 * document was asked for (after the redirects that led to it), and the wall-clock time.
 */
async function readShown(page: Page, what: Shown) {
  await page.waitForFunction((w) => {
    const seen = (window as unknown as { __shown?: Record<string, number> }).__shown
    return (seen?.[w] ?? -1) >= 0
  }, what)
  return page.evaluate((w) => {
    const seen = (window as unknown as { __shown: Record<string, number> }).__shown
    const at = seen[w] ?? NaN
    const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[]
    const fetchStart = navigation?.fetchStart ?? 0
    return {
      sinceNavigation: at,
      sinceDocument: at - fetchStart,
      wallClock: performance.timeOrigin + at,
    }
  }, what)
}
interface Logged {
  at: number
  request: Request
}

/** What a visit runs on: added latency per request, and the CPU slowed down (1: this machine's). */
interface Network {
  name: string
  latency: number
  cpuSlowdown: number
}
const LOCAL: Network = { name: 'local', latency: 0, cpuSlowdown: 1 }
const NETWORKS: Network[] = [
  LOCAL,
  { name: '+100 ms', latency: 100, cpuSlowdown: 1 },
  // A phone: slower than this machine at everything the page does itself.
  { name: '+100 ms, CPU 4×', latency: 100, cpuSlowdown: 4 },
]

/** A fresh browser context on `network`, logging every request. */
async function openPage(on: Browser, network: Network) {
  const context = await on.newContext()
  await context.addInitScript(watchShown(subjects.map((s) => s.signInButton)))
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: network.latency,
    downloadThroughput: -1,
    uploadThroughput: -1,
  })
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: network.cpuSlowdown })
  const requests: Logged[] = []
  page.on('request', (request) => requests.push({ at: now(), request }))
  return { context, page, requests }
}

/** Where a provider takes authorization and token requests. */
interface Endpoints {
  isAuthorization: (url: URL) => boolean
  isToken: (url: URL) => boolean
}
const localEndpoints: Endpoints = {
  isAuthorization: (url) => url.origin === provider.issuer && url.pathname === '/auth',
  isToken: (url) => url.origin === provider.issuer && url.pathname === '/token',
}
const googleEndpoints: Endpoints = {
  isAuthorization: (url) =>
    url.origin === 'https://accounts.google.com' && url.pathname === '/o/oauth2/v2/auth',
  isToken: (url) => url.origin === 'https://oauth2.googleapis.com' && url.pathname === '/token',
}

/** What one reload asked for, from the browser's own requests (redirect hops count one each). */
interface ReloadCost {
  requests: number
  documents: number
  iframeDocuments: number
  /** The `prompt` of each top-level authorization request ("" when none). */
  topLevelAuthorizations: string[]
  /** What each iframe authorization request was answered with: `code`, or the error. */
  iframeAnswers: string[]
  tokens: number
  /** The page had already learnt that the iframe cannot restore here (restore-path.ts). */
  wasRemembered: boolean
}

const isTopLevel = (request: Request) => {
  try {
    return request.frame().parentFrame() === null
  } catch {
    return true // no frame: not from an iframe
  }
}

/** Where an authorization request's redirects ended: the answer its redirect URI got. */
function answerOf(request: Request): string {
  let last = request
  for (let next = last.redirectedTo(); next; next = next.redirectedTo()) last = next
  if (last === request) return 'no redirect'
  const params = new URL(last.url()).searchParams
  return params.get('error') ?? (params.has('code') ? 'code' : `no answer (${last.url()})`)
}

function costOf(requests: Request[], endpoints: Endpoints, wasRemembered: boolean): ReloadCost {
  const documents = requests.filter((r) => r.resourceType() === 'document')
  const authorizations = requests.filter((r) => endpoints.isAuthorization(new URL(r.url())))
  return {
    requests: requests.length,
    documents: documents.length,
    iframeDocuments: documents.filter((r) => !isTopLevel(r)).length,
    topLevelAuthorizations: authorizations
      .filter(isTopLevel)
      .map((r) => new URL(r.url()).searchParams.get('prompt') ?? ''),
    iframeAnswers: authorizations.filter((r) => !isTopLevel(r)).map(answerOf),
    tokens: requests.filter((r) => r.method() === 'POST' && endpoints.isToken(new URL(r.url())))
      .length,
    wasRemembered,
  }
}

/** How long a request took the browser, from sending it to its last byte (0 when unknown). */
const ownTime = (request: Request) => Math.max(0, request.timing().responseEnd)

/** The authorization request whose redirects ended in a code: its hops, up to its answer document. */
function codeChain(requests: Request[], endpoints: Endpoints): Request[] {
  for (const start of requests) {
    if (!endpoints.isAuthorization(new URL(start.url())) || start.redirectedFrom()) continue
    if (answerOf(start) !== 'code') continue
    const hops = [start]
    for (let next = start.redirectedTo(); next; next = next.redirectedTo()) hops.push(next)
    return hops
  }
  return []
}

/**
 * The floor: the time of the requests no design can avoid, as this very run's browser timed them,
 * one after the other. A reload: its document, then the authorization request and its redirects
 * to the answer's document, then the token request; a callback: its document and the token request.
 * Everything else (scripts, styles, the page's own work) is the distance to it.
 */
function floorOf(requests: Request[], endpoints: Endpoints, unavoidable: Request[]): number {
  const token = requests.find((r) => r.method() === 'POST' && endpoints.isToken(new URL(r.url())))
  return [...unavoidable, ...(token ? [token] : [])].reduce((sum, r) => sum + ownTime(r), 0)
}

/** One reload, timed until `shown` appears; its requests are counted once the network is idle. */
async function timeReload(
  page: Page,
  requests: Logged[],
  shown: Shown,
  endpoints: Endpoints,
  clientId: string,
): Promise<{ ms: number; cost: ReloadCost; floor: number }> {
  const wasRemembered =
    (await page.evaluate((key) => localStorage.getItem(key), restorePathKey(clientId))) !== null
  const from = requests.length
  const start = now()
  await page.reload({ waitUntil: 'commit' })
  // By the wall clock: a top-level restore shows it in another document, after a round trip.
  const ms = (await readShown(page, shown)).wallClock - start
  await page.waitForLoadState('networkidle')
  if (WATERFALL) {
    console.log(`reload of ${page.url()}: shown after ${Math.round(ms)} ms`)
    for (const { at, request } of requests.slice(from)) {
      const frame = isTopLevel(request) ? 'top ' : 'frame'
      console.log(
        `  ${Math.round(at - start)
          .toString()
          .padStart(5)} ${frame} ${request.method()} ${request.url().slice(0, 110)}`,
      )
    }
  }
  const made = requests.slice(from).map((r) => r.request)
  const cost = costOf(made, endpoints, wasRemembered)
  const document = made.find((r) => r.resourceType() === 'document' && isTopLevel(r))
  const floor = floorOf(made, endpoints, [
    ...(document ? [document] : []),
    ...codeChain(made, endpoints),
  ])
  return { ms, cost, floor }
}

/** The second table's rows: reload → shown, by restore path, with what each reload cost. */
interface ReloadRow {
  path: string
  network: string
  ms: number[]
  floors: number[]
  costs: ReloadCost[]
  /** The reference's reload → its button, at this latency: the ratio's denominator. */
  isReference?: boolean
}
const reloadRows = new Map<string, ReloadRow>()
function addReload(
  path: string,
  network: string,
  result: { ms: number; cost: ReloadCost; floor: number },
  isReference?: boolean,
) {
  const key = `${path}|${network}`
  const row = reloadRows.get(key) ?? { path, network, ms: [], floors: [], costs: [], isReference }
  row.ms.push(result.ms)
  row.floors.push(result.floor)
  row.costs.push(result.cost)
  reloadRows.set(key, row)
}
/** One fresh visitor: load, sign in, one renewal, one reload. */
async function visit(subject: Subject, network: Network, figures: Figures): Promise<void> {
  const add = (key: string, value: number) => (figures[key] ??= []).push(value)
  const { context, page, requests } = await openPage(browser, network)
  const origin = `http://127.0.0.1:${subject.port}`
  const button = page.getByRole('button', { name: subject.signInButton })

  await page.goto(`${origin}/`, { waitUntil: 'commit' })
  add('load → button (ms)', (await readShown(page, 'button')).sinceNavigation)
  await page.waitForLoadState('networkidle')

  const click = now()
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
  const shown = await readShown(page, 'email')
  add('click → email (ms)', shown.wallClock - click)
  add('click → email (requests)', requests.length - from)
  await page.waitForLoadState('networkidle')
  // From the moment the browser asks for the callback's document (the provider's redirect).
  const made = requests.slice(from)
  const callback = made.find(
    ({ request }) =>
      request.resourceType() === 'document' &&
      isTopLevel(request) &&
      request.url().startsWith(origin) &&
      new URL(request.url()).searchParams.has('code'),
  )
  if (!callback) throw new Error('no callback document')
  add('callback → email (ms)', shown.sinceDocument)
  add(
    'callback → email: floor, its document + the token request (ms)',
    floorOf(
      made.map((r) => r.request),
      localEndpoints,
      [callback.request],
    ),
  )

  const renewFrom = requests.length
  const renew = now()
  await subject.renew(page)
  add('one renewal (ms)', now() - renew)
  add('one renewal (requests)', requests.length - renewFrom)
  await page.waitForLoadState('networkidle')

  const restored = await timeReload(page, requests, 'email', localEndpoints, LOCAL_CLIENT_ID)
  add('reload → restored (ms)', restored.ms)
  if (subject === thisApp) addReload(IFRAME_PATH, network.name, restored)
  if (subject.forgetTokens) {
    await subject.forgetTokens(page)
    const toButton = await timeReload(page, requests, 'button', localEndpoints, LOCAL_CLIENT_ID)
    addReload(REFERENCE_PATH, network.name, toButton, true)
  }
  await context.close()
}

const IFRAME_PATH = 'iframe: app same-site to the provider (127.0.0.1)'
const FIRST_TOP_LEVEL_PATH =
  'top-level, first load: app cross-site (localhost), iframe fails, then the round trip'
const REMEMBERED_TOP_LEVEL_PATH = 'top-level, remembered: app cross-site, a second reload'
const REFERENCE_PATH = 'reference: reload → its sign-in button (stored user removed first)'
const GOOGLE_FIRST_PATH = 'Google build against the stand-in, top-level, first load'
const GOOGLE_REMEMBERED_PATH = 'Google build against the stand-in, top-level, remembered'

/**
 * One fresh visitor of this app at http://localhost:<port>, cross-site to the provider, whose
 * cookies the browser then withholds from the iframe: sign in, reload (the iframe fails, then the
 * round trip), reload again (straight to the round trip).
 */
async function visitCrossSite(subject: Subject, network: Network): Promise<void> {
  const { context, page, requests } = await openPage(browser, network)
  const button = page.getByRole('button', { name: subject.signInButton })
  await page.goto(`http://localhost:${subject.port}/`, { waitUntil: 'commit' })
  await button.waitFor()
  await page.waitForLoadState('networkidle')
  await button.click()
  await page.getByRole('button', { name: 'Continue' }).click()
  const email = page.getByTestId('email')
  await email.waitFor()
  await page.waitForLoadState('networkidle')
  for (const path of [FIRST_TOP_LEVEL_PATH, REMEMBERED_TOP_LEVEL_PATH]) {
    addReload(
      path,
      network.name,
      await timeReload(page, requests, 'email', localEndpoints, LOCAL_CLIENT_ID),
    )
  }
  await context.close()
}

/** The same with the Google build and the stand-in, in a browser mapping Google's hostnames. */
async function visitGoogle(): Promise<void> {
  const { context, page, requests } = await openPage(googleBrowser, LOCAL)
  await page.goto(`${googleOrigin}/`, { waitUntil: 'commit' })
  const button = page.getByRole('button', { name: 'Sign in with Google' })
  await button.waitFor()
  await page.waitForLoadState('networkidle')
  await button.click()
  await page.getByRole('heading', { name: 'Choose an account' }).waitFor()
  await page.getByRole('button', { name: 'Continue' }).click()
  const email = page.getByTestId('email')
  await email.waitFor()
  await page.waitForLoadState('networkidle')
  for (const path of [GOOGLE_FIRST_PATH, GOOGLE_REMEMBERED_PATH]) {
    addReload(
      path,
      'local',
      await timeReload(page, requests, 'email', googleEndpoints, STAND_IN_CLIENT_ID),
    )
  }
  await context.close()
}

const rows: string[] = []
try {
  const sizes = subjects.map((s) => measureInitialJs(s.dist).gzipBytes)
  rows.push(row('initial JS, gzip (bytes)', '', sizes[0] ?? NaN, sizes[1] ?? NaN, sizes[2]))
  for (const network of NETWORKS) {
    const figures = subjects.map((): Figures => ({}))
    for (let run = 0; run < RUNS; run += 1) {
      // Alternate the subjects, so that neither always runs on a warmer machine.
      for (const [i, subject] of subjects.entries()) await visit(subject, network, figures[i] ?? {})
      if (thisApp) await visitCrossSite(thisApp, network)
    }
    for (const key of Object.keys(figures[0] ?? {})) {
      const [ours, reference, before] = figures.map((f) => median(f[key] ?? []))
      rows.push(row(key, network.name, ours ?? NaN, reference ?? NaN, before))
    }
  }
  for (let run = 0; run < RUNS; run += 1) await visitGoogle()
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
  await googleBrowser.close()
  for (const server of servers) server.httpServer.close()
  await provider.close()
  await stopStandIn()
}
console.log(`\nnpm run bench: medians of ${RUNS} runs each, Chromium, one local provider\n`)
const beforeName = subjects[2]?.name
console.log(
  beforeName
    ? `| figure | network | this app | reference | ratio | ${beforeName} | its ratio |\n|---|---|---|---|---|---|---|`
    : '| figure | network | this app | reference | ratio |\n|---|---|---|---|---|',
)
for (const line of rows) console.log(line)
printReloadTable()

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

/** The second table: reload → email by restore path, against the reference's reload → button. */
function printReloadTable(): void {
  const referenceMs = (network: string) =>
    median(reloadRows.get(`${REFERENCE_PATH}|${network}`)?.ms ?? [])
  console.log(
    `\nReload → email shown again, by restore path: medians of ${RUNS} (request counts: median, or range when runs differ)\n`,
  )
  console.log(
    '| restore path | network | reload → shown (ms) | reference: reload → its button (ms) | ratio | floor (ms) | documents (in iframes) | authorization requests | token requests | requests in all | path remembered before |',
  )
  console.log('|---|---|---|---|---|---|---|---|---|---|---|')
  const order = (r: ReloadRow) => NETWORKS.findIndex((n) => n.name === r.network)
  const rowsInOrder = [...reloadRows.values()].sort((a, b) => order(a) - order(b))
  for (const r of rowsInOrder) {
    const ms = median(r.ms)
    const isGoogle = r.path.startsWith('Google')
    const reference = isGoogle ? NaN : referenceMs(r.network)
    const cells = [
      r.path,
      r.network,
      r.isReference ? '—' : Math.round(ms).toLocaleString('en'),
      isGoogle ? '— (none)' : Math.round(reference).toLocaleString('en'),
      r.isReference || isGoogle ? '—' : `${(ms / reference).toFixed(2)}×`,
      r.isReference ? '—' : Math.round(median(r.floors)).toLocaleString('en'),
      `${spread(r.costs.map((c) => c.documents))} (${spread(r.costs.map((c) => c.iframeDocuments))})`,
      describeAuthorizations(r.costs),
      spread(r.costs.map((c) => c.tokens)),
      spread(r.costs.map((c) => c.requests)),
      tally(r.costs.map((c) => (c.wasRemembered ? 'yes' : 'no'))),
    ]
    console.log(`| ${cells.join(' | ')} |`)
  }
}

/** "3", or "3–4" when the runs differ. */
function spread(values: number[]): string {
  const low = Math.min(...values)
  const high = Math.max(...values)
  return low === high ? String(low) : `${median(values)} (${low}–${high})`
}

/** "yes", or "yes ×4, no ×1" when the runs differ. */
function tally(values: string[]): string {
  const counts = new Map<string, number>()
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1)
  if (counts.size <= 1) return values[0] ?? '—'
  return [...counts].map(([value, n]) => `${value} ×${n}`).join(', ')
}

/** "top-level 1 (prompt=none), iframe 1 → login_required", with every run's answers. */
function describeAuthorizations(costs: ReloadCost[]): string {
  const topLevel = spread(costs.map((c) => c.topLevelAuthorizations.length))
  const prompts = tally(costs.flatMap((c) => c.topLevelAuthorizations.map((p) => `prompt=${p}`)))
  const iframe = spread(costs.map((c) => c.iframeAnswers.length))
  const answers = tally(costs.flatMap((c) => c.iframeAnswers))
  return (
    `top-level ${topLevel}${prompts === '—' ? '' : ` (${prompts})`}, ` +
    `iframe ${iframe}${answers === '—' ? '' : ` → ${answers}`}`
  )
}
