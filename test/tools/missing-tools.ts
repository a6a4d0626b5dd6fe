/**
 * The browsers and servers that `ensure-test-packages.ts` could neither find nor install (no root,
 * not Debian), written down for the end-to-end suites: the tests that need one of them are skipped
 * with that reason, by name, and `npm test` lists them. Chromium is never optional.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

// Not in test-results/: Playwright empties that folder when it starts.
const FILE = join(import.meta.dirname, '..', '..', '.e2e', 'missing-tools.json')

export interface MissingTool {
  /** Debian package name. */
  pkg: string
  /** Why it is missing, and what to install. */
  why: string
}

export function writeMissingTools(tools: MissingTool[]): void {
  mkdirSync(dirname(FILE), { recursive: true })
  writeFileSync(FILE, `${JSON.stringify(tools, null, 2)}\n`)
}

/** What the last `ensure-test-packages.ts` found missing; nothing when it has not run. */
export function readMissingTools(): MissingTool[] {
  if (!existsSync(FILE)) return []
  return JSON.parse(readFileSync(FILE, 'utf8')) as MissingTool[]
}

/** Why a test that needs these packages must be skipped here; undefined when all are present. */
export function describeMissingTools(packages: string[]): string | undefined {
  const missing = readMissingTools().filter((tool) => packages.includes(tool.pkg))
  if (missing.length === 0) return undefined
  return missing.map((tool) => `${tool.pkg}: ${tool.why}`).join('; ')
}
