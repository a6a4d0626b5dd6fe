/**
 * Measures the initial JavaScript of a build: every script and modulepreload that index.html
 * loads, gzipped (level 9, as CDNs serve it). Fails when over the budget.
 *   npx tsx test/tools/measure-bundle.ts [dist-dir]
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

/**
 * Issue 10: lowered from 110,000 to the figure the split and the prerender reached (87,128 bytes
 * for the local e2e build on 2026-12-01), with under 1 KB of room.
 */
export const BUDGET_BYTES = 88_000

export function measureInitialJs(distDir: string): {
  files: [string, number, number][]
  gzipBytes: number
} {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8')
  const sources = [
    ...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="([^"]+\.js)"/g),
  ].map((match) => match[1] ?? '')
  const files = sources.map((src): [string, number, number] => {
    // `<base>assets/…`: hashed files sit in the build's assets/ whatever base it was built for.
    const bytes = readFileSync(join(distDir, src.slice(src.lastIndexOf('/assets/') + 1)))
    return [src, bytes.length, gzipSync(bytes, { level: 9 }).length]
  })
  return { files, gzipBytes: files.reduce((sum, [, , gz]) => sum + gz, 0) }
}

/** The chunks named in index.html's `sign-in-engine` meta: the engine, and what preloadWhenStarting adds. */
export function measureEngineJs(distDir: string): number {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8')
  const names = /<meta name="sign-in-engine" content="([^"]*)"/.exec(html)?.[1]?.split(' ') ?? []
  return names
    .filter(Boolean)
    .map((src) => readFileSync(join(distDir, src.slice(src.lastIndexOf('/assets/') + 1))))
    .reduce((sum, bytes) => sum + gzipSync(bytes, { level: 9 }).length, 0)
}

/**
 * Every script of the build that index.html does not load (lazy chunks, such as the sign-in engine
 * a consumer's build splits off without the boot script), gzipped, by file.
 */
export function measureLazyJs(distDir: string): { files: [string, number][]; gzipBytes: number } {
  const initial = new Set(
    measureInitialJs(distDir).files.map(([src]) => src.slice(src.lastIndexOf('/') + 1)),
  )
  const files = readdirSync(join(distDir, 'assets'))
    .filter((name) => name.endsWith('.js') && !initial.has(name))
    .map((name): [string, number] => [
      name,
      gzipSync(readFileSync(join(distDir, 'assets', name)), { level: 9 }).length,
    ])
  return { files, gzipBytes: files.reduce((sum, [, gz]) => sum + gz, 0) }
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  const distDir = process.argv[2] ?? 'dist'
  const { files, gzipBytes } = measureInitialJs(distDir)
  for (const [src, raw, gz] of files) console.log(`${src}: ${raw} bytes, ${gz} bytes gzip`)
  console.log(`initial JS: ${gzipBytes} bytes gzip; budget ${BUDGET_BYTES} bytes`)
  console.log(
    `sign-in engine and what a callback or restore preloads with it: ${measureEngineJs(distDir)} bytes gzip`,
  )
  process.exit(gzipBytes <= BUDGET_BYTES && files.length > 0 ? 0 : 1)
}
