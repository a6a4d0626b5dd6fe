// Builds dist/ from src/ (ESM and .d.ts, one file per module, so a consumer's bundler keeps only
// what it imports and splits the lazy sign-in engine as this repository's app does).
import { execFileSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')
rmSync(join(here, 'dist'), { recursive: true, force: true })
try {
  execFileSync(process.execPath, [tsc, '-p', join(here, 'tsconfig.json')], { stdio: 'inherit' })
} catch {
  // tsc has printed what is wrong; no stack trace on top of it.
  console.error('static-signin: the package did not build (see the errors above).')
  process.exit(1)
}
