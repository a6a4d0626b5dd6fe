/**
 * `npm test`: typecheck, lint, unit and component tests (Vitest), end-to-end tests (Playwright in
 * Debian's Chromium, installed if missing). Runs every suite even after a failure, prints a line per
 * suite and, last, `total: N passed, M failed`; exits non-zero on any failure.
 * Typecheck and lint count as one check each.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'

interface SuiteResult {
  name: string
  passed: number
  failed: number
  /** Tests not run because a browser or server could not be installed here, by name and reason. */
  skipped?: string[]
  note?: string
}

interface ReportSuite {
  title: string
  suites?: ReportSuite[]
  specs?: {
    title: string
    tests: {
      projectName: string
      status: string
      annotations: { type: string; description?: string }[]
    }[]
  }[]
}

/** Each skipped test of a Playwright JSON report: "[project] describe › title — reason". */
function listSkipped(suites: ReportSuite[] = [], path: string[] = []): string[] {
  return suites.flatMap((suite) => {
    const here = [...path, suite.title].filter((title) => title !== '' && !title.endsWith('.ts'))
    const own = (suite.specs ?? []).flatMap((spec) =>
      spec.tests
        .filter((t) => t.status === 'skipped')
        .map((t) => {
          const reason =
            t.annotations.find((a) => a.type === 'skip')?.description ?? 'no reason given'
          return `[${t.projectName}] ${[...here, spec.title].join(' › ')} — ${reason}`
        }),
    )
    return [...own, ...listSkipped(suite.suites, here)]
  })
}

const REPORTS = 'test-results'
mkdirSync(REPORTS, { recursive: true })

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): boolean {
  console.log(`\n▶ ${[command, ...args].join(' ')}`)
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } })
  return result.status === 0
}

function readJson(path: string): unknown {
  if (!existsSync(path)) return undefined
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  } catch {
    return undefined
  }
}

function check(name: string, command: string, args: string[]): SuiteResult {
  const ok = run(command, args)
  return { name, passed: ok ? 1 : 0, failed: ok ? 0 : 1 }
}

function unitTests(): SuiteResult {
  const report = `${REPORTS}/unit.json`
  rmSync(report, { force: true })
  const ok = run('npx', [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile=${report}`,
  ])
  const json = readJson(report) as { numPassedTests: number; numFailedTests: number } | undefined
  if (!json) return { name: 'unit', passed: 0, failed: 1, note: 'no report: Vitest did not run' }
  const failed = json.numFailedTests + (ok || json.numFailedTests > 0 ? 0 : 1)
  return { name: 'unit', passed: json.numPassedTests, failed }
}

function endToEndTests(): SuiteResult {
  if (!run('npx', ['tsx', 'test/tools/ensure-test-packages.ts'])) {
    return { name: 'e2e', passed: 0, failed: 1, note: 'a browser or server is missing (see above)' }
  }
  const report = `${REPORTS}/e2e.json`
  rmSync(report, { force: true })
  const ok = run('npx', ['playwright', 'test'], { E2E_JSON_REPORT: report })
  const json = readJson(report) as
    | {
        stats: { expected: number; unexpected: number; flaky: number; skipped: number }
        suites: ReportSuite[]
      }
    | undefined
  if (!json) return { name: 'e2e', passed: 0, failed: 1, note: 'no report: Playwright did not run' }
  const { expected, unexpected, flaky } = json.stats
  const failed = unexpected + (ok || unexpected > 0 ? 0 : 1)
  return {
    name: 'e2e',
    passed: expected + flaky,
    failed,
    skipped: listSkipped(json.suites),
    note: flaky > 0 ? `${flaky} flaky` : undefined,
  }
}

const results: SuiteResult[] = [
  // The package's dist/, which vite.config.ts and the consumer app's tarball load: built from the
  // source under test, never a stale one.
  check('package build', 'npm', ['run', 'build', '--workspace', 'static-signin', '--silent']),
  check('typecheck', 'npx', ['tsc', '--noEmit']),
  check('lint', 'npx', ['eslint', '.', '--max-warnings=0']),
  unitTests(),
  endToEndTests(),
  // The e2e run built the app into .e2e/dist: its initial JS must stay within budget.
  check('bundle', 'npx', ['tsx', 'test/tools/measure-bundle.ts', '.e2e/dist']),
]

const skipped = results.flatMap((r) => r.skipped ?? [])
if (skipped.length > 0) {
  console.log(`\nSkipped: ${skipped.length} tests, because a program they need is missing here`)
  for (const line of skipped) console.log(`  - ${line}`)
}
console.log('\nSummary')
for (const r of results) {
  const skip = r.skipped?.length ? `, ${r.skipped.length} skipped` : ''
  console.log(
    `  ${r.name.padEnd(10)} ${r.passed} passed, ${r.failed} failed${skip}${r.note ? ` (${r.note})` : ''}`,
  )
}
const passed = results.reduce((sum, r) => sum + r.passed, 0)
const failed = results.reduce((sum, r) => sum + r.failed, 0)
const totals = `total: ${passed} passed, ${failed} failed${skipped.length > 0 ? `, ${skipped.length} skipped` : ''}`
writeFileSync(`${REPORTS}/totals.txt`, `${totals}\n`)
console.log(totals)
process.exit(failed > 0 ? 1 : 0)
