import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { createServer, defineConfig, loadEnv, type Plugin } from 'vite'
import react from '@vitejs/plugin-react'
import { renderHeadersFile, renderStaticWebAppConfig } from './deploy/host-files.ts'
import { renderHtaccess } from './deploy/server-files.ts'
import {
  chooseCacheControl,
  describeHostingRules,
  isServableBase,
} from './src/config/hosting-rules.ts'
import { NOT_FOUND_FILE, PAGE_PATHS } from './src/config/pages.ts'
import { readConfig, type ConfigResult } from './src/config/read-config.ts'
import { renderBootTags } from './src/config/boot.ts'
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
 * - each page is prerendered signed out (src/prerender.tsx) and carries the boot script
 *   (src/config/boot.ts), which names the sign-in engine's chunks for preloading;
 * - the build prints the two redirect URIs to register for its base.
 */
function staticHosting(issuer: string, result: ConfigResult): Plugin {
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
      order: 'post',
      handler: (html, { bundle }) => {
        // The engine's chunk and the chunks it imports, minus what index.html loads anyway.
        const chunks = Object.values(bundle ?? {}).filter((c) => c.type === 'chunk')
        const engine = chunks.find((c) =>
          c.facadeModuleId?.endsWith('/src/react/session-engine.tsx'),
        )
        const entry = chunks.find((c) => c.isEntry)
        const files = engine
          ? [engine.fileName, ...engine.imports.filter((f) => f !== entry?.fileName)]
          : []
        const tags = renderBootTags(files.map((f) => `${base}${f}`))
        return html.replace(
          '<meta charset="UTF-8" />',
          `<meta charset="UTF-8" />\n    ${meta}\n    ${tags}`,
        )
      },
    },
    generateBundle() {
      const files: [string, string][] = [
        ['_headers', renderHeadersFile(rules(), PUBLIC_FILES)],
        ['.htaccess', renderHtaccess(rules())],
        ['staticwebapp.config.json', renderStaticWebAppConfig(rules())],
      ]
      for (const [fileName, source] of files) this.emitFile({ type: 'asset', fileName, source })
    },
    async writeBundle() {
      // public/ is copied verbatim; give the renewal page the same policy.
      const renewal = join(outDir, 'silent-renew.html')
      writeFileSync(renewal, readFileSync(renewal, 'utf8').replace('<head>', `<head>\n    ${meta}`))
      // One entry per page, and the 404 page: the same document; the router picks the view.
      const entry = join(outDir, 'index.html')
      const shell = readFileSync(entry, 'utf8')
      for (const page of [
        ...PAGE_PATHS.filter(Boolean).map((p) => `${p}index.html`),
        NOT_FOUND_FILE,
      ]) {
        const target = join(outDir, page)
        mkdirSync(dirname(target), { recursive: true })
        copyFileSync(entry, target)
      }
      if (!isBuild || !result.ok) return
      // Each page's signed-out view, prerendered into its file (the 404 page renders in the browser).
      const server = await createServer({
        configFile: false,
        base,
        plugins: [react()],
        logLevel: 'error',
        appType: 'custom',
        server: { middlewareMode: true, hmr: false, ws: false },
        optimizeDeps: { noDiscovery: true, include: [] },
      })
      try {
        const { prerenderPage } = (await server.ssrLoadModule(
          '/src/prerender.tsx',
        )) as typeof import('./src/prerender.tsx')
        for (const page of PAGE_PATHS) {
          const pathname = `${base}${page}`
          const body = await prerenderPage(result.config, pathname)
          const html = shell.replace(
            '<div id="root"></div>',
            `<div id="root" data-prerendered="${pathname}">${body}</div>`,
          )
          if (html === shell) throw new Error('index.html has no empty <div id="root"></div>')
          writeFileSync(join(outDir, page, 'index.html'), html)
        }
      } finally {
        await server.close()
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
    plugins: [react(), staticHosting(issuer, result)],
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
