// What `npm publish` would upload: package.json, README.md, CHANGELOG.md, LICENSE and the built
// .js and .d.ts of every module, nothing else (no src/, no tests, no source maps, no tsbuildinfo),
// and every file the exports map (and main/types) points a consumer at.
import { execFileSync } from 'node:child_process'
import { expect, test } from 'vitest'
import { ensureFreshDist, listBuiltFiles } from './ensure-fresh-dist.ts'
import { PACKAGE_DIR, readPackageJson } from './package-paths.ts'

interface PackResult {
  files: { path: string }[]
  entryCount: number
  size: number
}

const DOCUMENTS = ['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE']

function packDryRun(): PackResult {
  ensureFreshDist()
  // The build is done above; --ignore-scripts skips prepack's second build.
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: PACKAGE_DIR,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const [result] = JSON.parse(out) as PackResult[]
  if (!result) throw new Error(`npm pack printed no result: ${out}`)
  return result
}

const pack = packDryRun()
const files = pack.files.map((file) => file.path).sort()

test('the tarball holds the documents and the built modules, and nothing else', () => {
  const expected = [...DOCUMENTS, ...listBuiltFiles()].sort()
  expect({
    missing: expected.filter((file) => !files.includes(file)),
    extra: files.filter((file) => !expected.includes(file)),
  }).toEqual({ missing: [], extra: [] })
})

test('every file the package points a consumer at is in the tarball', () => {
  const pkg = readPackageJson()
  const targets = [
    pkg.main,
    pkg.types,
    ...Object.values(pkg.exports).flatMap((target) =>
      typeof target === 'string' ? [target] : [target.types, target.default],
    ),
  ]
  const absent = targets.filter(
    (target) => target === undefined || !files.includes(target.replace(/^\.\//, '')),
  )
  expect(absent).toEqual([])
})
