import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { defineConfig, loadEnv, type Plugin } from 'vite'
import react from '@vitejs/plugin-react'
import { readConfig } from './src/config/read-config.ts'
import {
  buildContentSecurityPolicy,
  buildSecurityHeaders,
  renderHeadersFile,
} from './src/config/security-headers.ts'

/**
 * Ships the Content-Security-Policy with the build, derived from the configured issuer: as a
 * meta tag in index.html and silent-renew.html, as a `_headers` file for static hosts, and as real
 * headers from `vite preview` (so `npm start` and the tests run under the deployed policy).
 */
function securityHeaders(issuer: string): Plugin {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${buildContentSecurityPolicy(issuer)}" />`
  let outDir = 'dist'
  return {
    name: 'security-headers',
    configResolved(config) {
      outDir = config.build.outDir
    },
    transformIndexHtml: {
      order: 'pre',
      handler: (html) =>
        html.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    ${meta}`),
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: '_headers', source: renderHeadersFile(issuer) })
    },
    writeBundle() {
      // public/ is copied verbatim; give the renewal page the same policy.
      const page = join(outDir, 'silent-renew.html')
      writeFileSync(page, readFileSync(page, 'utf8').replace('<head>', `<head>\n    ${meta}`))
    },
    configurePreviewServer(server) {
      server.middlewares.use((_req, res, next) => {
        for (const [name, value] of Object.entries(buildSecurityHeaders(issuer)))
          res.setHeader(name, value)
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
    plugins: [react(), securityHeaders(issuer)],
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
