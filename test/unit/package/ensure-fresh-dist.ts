import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { PACKAGE_DIR } from './package-paths.ts'

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((file) => statSync(file).isFile())
}

/** What the build writes for each module of src/: its .js and its .d.ts, by path in the package. */
export function listBuiltFiles(): string[] {
  const src = join(PACKAGE_DIR, 'src')
  return listFiles(src)
    .filter((file) => /\.tsx?$/.test(file) && !file.endsWith('.d.ts'))
    .flatMap((file) => {
      const stem = join('dist', relative(src, file).replace(/\.tsx?$/, ''))
      return [`${stem}.js`, `${stem}.d.ts`]
    })
}

/**
 * Builds dist/ (packages/static-signin/build.js) unless it is fresh: exactly one .js and one .d.ts
 * per module of src/, none older than its source.
 */
export function ensureFreshDist(): void {
  const src = join(PACKAGE_DIR, 'src')
  const expected = listBuiltFiles()
  const present = listFiles(join(PACKAGE_DIR, 'dist')).map((file) => relative(PACKAGE_DIR, file))
  const isFresh =
    present.length === expected.length &&
    expected.every((file) => {
      const built = join(PACKAGE_DIR, file)
      const stem = relative('dist', file).replace(/\.(d\.ts|js)$/, '')
      const source = [`${stem}.ts`, `${stem}.tsx`].map((s) => join(src, s)).find(existsSync)
      return (
        existsSync(built) &&
        source !== undefined &&
        statSync(built).mtimeMs >= statSync(source).mtimeMs
      )
    })
  if (!isFresh) execFileSync(process.execPath, [join(PACKAGE_DIR, 'build.js')], { stdio: 'pipe' })
}
