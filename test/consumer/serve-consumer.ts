/**
 * The consumer harness: packs static-signin, installs it in a fresh app outside the repository
 * (under the system's temporary directory: the `npm create vite` files of test/consumer/app, plus
 * the package README's quickstart files and example test, verbatim), type-checks it, runs its unit
 * test (the README's example test), builds it for the local provider, checks the bundle budget, then serves the build with
 * `vite preview` on CONSUMER_APP_PORT until stopped. Works from any folder, as any user.
 *   npx tsx test/consumer/serve-consumer.ts [--no-serve] [--keep] [--verbose]
 *   --no-serve  stop after the checks (exit 0 when all passed)
 *   --keep      leave the temporary folder in place (its path is printed; a later run removes
 *               it once it is an hour old)
 * With CONSUMER_HARNESS_REPORT=1 (Playwright's webServer) it also writes .e2e/consumer-harness.json,
 * and when a step fails it still answers on the port: the consumer spec then fails with the step's
 * message, and the other specs run.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { createServer } from 'node:http'
import { dirname, join } from 'node:path'
import { CONSUMER_APP_PORT } from '../e2e/ports.ts'
import { describeFigures } from './bundle-budget.ts'
import { cleanEnv } from './consumer-env.ts'
import { HARNESS_REPORT, type HarnessReport } from './harness-report.ts'
import { prepareConsumer, type ConsumerApp } from './prepare-consumer.ts'

const flags = new Set(process.argv.slice(2))
const isServing = !flags.has('--no-serve')
const isKept = flags.has('--keep')
const isReporting = process.env.CONSUMER_HARNESS_REPORT === '1'

function writeReport(report: HarnessReport): void {
  if (!isReporting) return
  mkdirSync(dirname(HARNESS_REPORT), { recursive: true })
  writeFileSync(HARNESS_REPORT, JSON.stringify(report, null, 2))
}

const WORK_PREFIX = 'static-signin-consumer-'
const STALE_MS = 3_600_000

/**
 * Removes this harness's folders over an hour old that an earlier run left behind (killed before it
 * could remove its own; node_modules makes each about 150 MB). Other users' are not ours to remove.
 */
function sweepStaleWorkDirs(): void {
  for (const name of readdirSync(tmpdir()).filter((n) => n.startsWith(WORK_PREFIX))) {
    const path = join(tmpdir(), name)
    try {
      if (Date.now() - statSync(path).mtimeMs > STALE_MS) rmSync(path, { recursive: true })
    } catch {
      // Another user's, or being removed by its own run.
    }
  }
}
sweepStaleWorkDirs()

/** What a stop must end and remove. */
const running: { workDir: string; preview?: ChildProcess | undefined } = {
  workDir: mkdtempSync(join(tmpdir(), WORK_PREFIX)),
}
function stop(code: number): never {
  running.preview?.kill('SIGTERM')
  if (isKept) console.log(`consumer: kept ${running.workDir}`)
  else {
    try {
      rmSync(running.workDir, { recursive: true, force: true, maxRetries: 3 })
    } catch (error: unknown) {
      console.error(`consumer: ${running.workDir} not removed: ${String(error)}`)
    }
  }
  process.exit(code)
}
process.on('SIGINT', () => stop(0))
process.on('SIGTERM', () => stop(0))

if (isReporting) rmSync(HARNESS_REPORT, { force: true })
const started = Date.now()
let app: ConsumerApp
try {
  app = await prepareConsumer(running.workDir, flags.has('--verbose'))
} catch (error: unknown) {
  const message = error instanceof Error ? error.message : String(error)
  console.error(`\n${message}\n`)
  writeReport({ ok: false, error: message })
  if (!isServing || !isReporting) stop(1)
  // Playwright waits for the port: answer it, so the consumer spec can fail with the message.
  createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' })
    res.end(`The consumer harness failed:\n${message}\n`)
  }).listen(CONSUMER_APP_PORT, '127.0.0.1')
  await new Promise(() => undefined)
  process.exit(1) // unreachable: the process ends on a signal
}
const timings = Object.entries(app.timings)
  .map(([label, ms]) => `${label} ${(ms / 1000).toFixed(1)} s`)
  .join(', ')
console.log(
  `\nconsumer: checks passed in ${((Date.now() - started) / 1000).toFixed(1)} s (${timings})\n${describeFigures(app.figures)}\n`,
)
writeReport({ ok: true, figures: app.figures, timings: app.timings, appDir: app.appDir })

if (!isServing) stop(0)
running.preview = spawn(
  'npx',
  ['vite', 'preview', '--host', '127.0.0.1', '--port', String(CONSUMER_APP_PORT), '--strictPort'],
  { cwd: app.appDir, env: cleanEnv(), stdio: 'inherit' },
)
running.preview.once('exit', (code) => {
  console.error(`consumer: vite preview stopped (exit code ${String(code)})`)
  running.preview = undefined
  stop(code ?? 1)
})
