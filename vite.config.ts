import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  createServer,
  defaultClientConditions,
  defaultServerConditions,
  defineConfig,
  loadEnv,
  type Plugin,
} from 'vite'
import react from '@vitejs/plugin-react'
import { readConfig, staticSignin, type ConfigResult } from 'static-signin/vite'
import { PAGE_PATHS } from './src/pages-list.ts'

/**
 * The app's own packages are read from source (the `static-signin:source` export condition), so the
 * app, its tests and the typecheck see one copy of each module, and edits need no package build.
 * Consumers of the package get its built `dist/`.
 */
const SOURCE_CONDITION = 'static-signin:source'

/**
 * Each page's signed-out view, prerendered into its file (src/prerender.tsx), so the button paints
 * before any JavaScript; the 404 page renders in the browser. Runs after static-signin's plugin
 * has written one file per page.
 */
function prerenderPages(result: ConfigResult): Plugin {
  let outDir = 'dist'
  let base = '/'
  let isBuild = false
  return {
    name: 'prerender-pages',
    configResolved(config) {
      outDir = config.build.outDir
      base = config.base
      isBuild = config.command === 'build' && config.mode !== 'test'
    },
    writeBundle: {
      order: 'post',
      async handler() {
        if (!isBuild || !result.ok) return
        const server = await createServer({
          configFile: false,
          base,
          plugins: [react()],
          logLevel: 'error',
          appType: 'custom',
          resolve: { conditions: [SOURCE_CONDITION, ...defaultClientConditions] },
          ssr: { resolve: { conditions: [SOURCE_CONDITION, ...defaultServerConditions] } },
          server: { middlewareMode: true, hmr: false, ws: false },
          optimizeDeps: { noDiscovery: true, include: [] },
        })
        try {
          const { prerenderPage } = (await server.ssrLoadModule(
            '/src/prerender.tsx',
          )) as typeof import('./src/prerender.tsx')
          for (const page of PAGE_PATHS) {
            const file = join(outDir, page, 'index.html')
            const shell = readFileSync(file, 'utf8')
            const pathname = `${base}${page}`
            const body = await prerenderPage(result.config, pathname)
            const html = shell.replace(
              '<div id="root"></div>',
              `<div id="root" data-prerendered="${pathname}">${body}</div>`,
            )
            if (html === shell) throw new Error('index.html has no empty <div id="root"></div>')
            writeFileSync(file, html)
          }
        } finally {
          await server.close()
        }
      },
    },
  }
}

export default defineConfig(({ mode }) => {
  const env = { ...loadEnv(mode, process.cwd(), 'VITE_'), ...process.env }
  // The configuration is fixed at build time, so it is validated here, once. A broken one still
  // builds — the app then shows its setup page — and static-signin's plugin says what to set.
  const result = readConfig(env)
  return {
    plugins: [
      react(),
      // The CSP, the renewal page, the host files and one file per page (static-signin/vite);
      // the boot script preloads the sign-in engine and hides the page while a session restores.
      staticSignin({
        env,
        pages: PAGE_PATHS,
        boot: true,
        // What a callback or a restore shows first (src/components/use-signed-in-views.ts).
        preloadWhenStarting: ['src/components/signed-in-views-chunk.ts'],
      }),
      prerenderPages(result),
    ],
    define: { __APP_CONFIG__: JSON.stringify(result) },
    resolve: { conditions: [SOURCE_CONDITION, ...defaultClientConditions] },
    ssr: { resolve: { conditions: [SOURCE_CONDITION, ...defaultServerConditions] } },
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
