import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { defineConfig, loadEnv, type Plugin } from 'vite'
import react from '@vitejs/plugin-react'
import { renderHeadersFile, renderStaticWebAppConfig } from './deploy/host-files.ts'
import { renderHtaccess } from './deploy/server-files.ts'
import {
  chooseCacheControl,
  describeHostingRules,
  isServableBase,
} from './src/config/hosting-rules.ts'
import { NOT_FOUND_FILE, PAGE_PATHS } from './src/config/pages.ts'
import { readConfig } from './src/config/read-config.ts'
import { buildContentSecurityPolicy } from './src/config/security-headers.ts'

/** Files copied verbatim from public/: fixed names, so they are revalidated, never cached for long. */
const PUBLIC_FILES = readdirSync('public')

/**
 * Makes the build servable by any static host as is (src/config/hosting-rules.ts):
 * - every page is a real file (`account/index.html`, …) and `404.html` shows the app's Not Found
 *   page, so no host needs a rewrite rule;
 * - the Content-Security-Policy, derived from the issuer, is a meta tag in every page;
 * - the host files that live in the published folder (`_headers`, `.htaccess`,
 *   `staticwebapp.config.json`) are written for this issuer and base; `vite preview` sends the
 *   same headers, so `npm start` and the tests run under the deployed rules;
 * - the build prints the two redirect URIs to register for its base.
 */
function staticHosting(issuer: string): Plugin {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${buildContentSecurityPolicy(issuer)}" />`
  let outDir = 'dist'
  let base = '/'
  let isBuild = false
  const rules = () => describeHostingRules(issuer, base)
  return {
    name: 'static-hosting',
    configResolved(config) {
      outDir = config.build.outDir
      base = config.base
      isBuild = config.command === 'build' && config.mode !== 'test'
      if (isBuild && !isServableBase(base)) {
        throw new Error(
          `--base=${base}: use "/" or a path such as "/some/path/" (plain segments, "/" at both ends).`,
        )
      }
    },
    transformIndexHtml: {
      order: 'pre',
      handler: (html) =>
        html.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    ${meta}`),
    },
    generateBundle() {
      const files: [string, string][] = [
        ['_headers', renderHeadersFile(rules(), PUBLIC_FILES)],
        ['.htaccess', renderHtaccess(rules())],
        ['staticwebapp.config.json', renderStaticWebAppConfig(rules())],
      ]
      for (const [fileName, source] of files) this.emitFile({ type: 'asset', fileName, source })
    },
    writeBundle() {
      // public/ is copied verbatim; give the renewal page the same policy.
      const renewal = join(outDir, 'silent-renew.html')
      writeFileSync(renewal, readFileSync(renewal, 'utf8').replace('<head>', `<head>\n    ${meta}`))
      // One entry per page, and the 404 page: the same document; the router picks the view.
      const entry = join(outDir, 'index.html')
      for (const page of [
        ...PAGE_PATHS.filter(Boolean).map((p) => `${p}index.html`),
        NOT_FOUND_FILE,
      ]) {
        const target = join(outDir, page)
        mkdirSync(dirname(target), { recursive: true })
        copyFileSync(entry, target)
      }
    },
    closeBundle() {
      if (!isBuild) return
      console.log(
        `\nRegister these redirect URIs for this build (base ${base}):\n  <your origin>${base}\n  <your origin>${base}silent-renew.html\n`,
      )
    },
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        const pathname = new URL(req.url ?? '/', 'http://preview.invalid').pathname
        for (const [name, value] of Object.entries(rules().securityHeaders))
          res.setHeader(name, value)
        res.setHeader('Cache-Control', chooseCacheControl(rules(), pathname))
        next()
      })
    },
  }
}

export default defineConfig(({ mode }) => {
  const env = { ...loadEnv(mode, process.cwd(), 'VITE_'), ...process.env }
  // The configuration is fixed at build time, so it is validated here, once. A broken one still
  // builds — the app then shows its setup page — and the build says what to set.
  const result = readConfig(env)
  if (!result.ok && mode !== 'test') {
    const list = result.problems.map((p) => `  - ${p.variable} ${p.message}`).join('\n')
    console.warn(`\nSign-in is not configured; the built app will show its setup page:\n${list}\n`)
  }
  const issuer = result.ok ? result.config.issuer : 'https://accounts.google.com'
  return {
    plugins: [react(), staticHosting(issuer)],
    define: { __APP_CONFIG__: JSON.stringify(result) },
    build: {
      outDir: process.env.APP_OUT_DIR ?? 'dist',
      emptyOutDir: true,
      sourcemap: true,
      // Every browser this app supports has <link rel="modulepreload">; the polyfill only cost bytes.
      modulePreload: { polyfill: false },
    },
    server: { host: '127.0.0.1' },
    preview: { host: '127.0.0.1' },
  }
})
