import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { loadEnv, normalizePath, type Logger, type Plugin } from 'vite'
import { renderBootTags } from '../config/boot.ts'
import { readConfig, type ConfigEnv } from '../config/read-config.ts'
import { GOOGLE_ISSUER } from '../google/metadata.ts'
import { renderHeadersFile, renderStaticWebAppConfig } from '../hosting/host-files.ts'
import {
  chooseCacheControl,
  DEFAULT_PAGES,
  describeHostingRules,
  isServableBase,
  NOT_FOUND_FILE,
} from '../hosting/hosting-rules.ts'
import { buildContentSecurityPolicy } from '../hosting/security-headers.ts'
import { renderHtaccess } from '../hosting/server-files.ts'
import { SILENT_RENEW_FILE, SILENT_RENEW_HTML } from '../hosting/silent-renew-page.ts'

export interface StaticSigninOptions {
  /** The VITE_OIDC_* variables. Default: Vite's for the mode (.env files), then the process's. */
  env?: ConfigEnv
  /**
   * The app's pages below its base path, each ending in "/" ("" is the home page). Each becomes a
   * real file (`<page>index.html`, a copy of index.html), so any static host answers it with 200
   * and no rewrite rule; `404.html` is one more copy, for every other path. Default: [""].
   */
  pages?: readonly string[]
  /**
   * Adds the boot script to every page: on a callback, or where this browser had a session, it
   * marks `<html data-starting>` (hiding `#root`) and preloads the sign-in engine beside the app's
   * own code. The app must remove the attribute as it renders (a prerendering app does). Default:
   * false.
   */
  boot?: boolean
  /**
   * With `boot`: the app's modules (paths from the Vite root, such as "src/SignedIn.tsx") that a
   * callback or a restore shows at once, loaded lazily (`import()`) so that a signed-out page does
   * not pay for them. Their chunks are preloaded with the engine's as the page starts, rather than
   * fetched once the app has rendered. Default: none.
   */
  preloadWhenStarting?: readonly string[]
  /**
   * Write `_headers`, `.htaccess` and `staticwebapp.config.json` into the build. A file of the same
   * name in `public/` is the app's own: it is kept, and the build says which rules to merge into
   * it. Default: true.
   */
  hostFiles?: boolean
}

/** Where the policy and the boot tags go: right after the page's `<meta charset>`. */
const CHARSET_META = /<meta\s+charset=["']?utf-8["']?\s*\/?>/i

/** The sign-in engine's chunk: the module SignInProvider loads on demand. */
const ENGINE_MODULE = /static-signin\/(src|dist)\/react\/session-engine\.(tsx|js)$/

/**
 * Makes a Vite build servable by any static host, signed in, with no server code:
 * - every page carries the Content-Security-Policy derived from the issuer, as a meta tag;
 * - `silent-renew.html`, the renewal iframe's page, is written with the same policy (and served
 *   by the dev server);
 * - the host files that live in the published folder (`_headers`, `.htaccess`,
 *   `staticwebapp.config.json`) are written for this issuer and base, and `vite preview` sends the
 *   same headers;
 * - each page is a real file, plus `404.html`;
 * - the build checks the VITE_OIDC_* variables and prints the two redirect URIs to register.
 * The dev server sends no policy: Vite's dev client needs inline scripts.
 */
export function staticSignin(options: StaticSigninOptions = {}): Plugin {
  let outDir = 'dist'
  let base = '/'
  let publicDir = ''
  let isBuild = false
  let issuer = GOOGLE_ISSUER
  let clientId: string | undefined
  let root = process.cwd()
  let logger: Logger | undefined
  const pages = options.pages ?? DEFAULT_PAGES
  const rules = () => describeHostingRules(issuer, base, pages)
  const meta = () =>
    `<meta http-equiv="Content-Security-Policy" content="${buildContentSecurityPolicy(issuer)}" />`
  return {
    name: 'static-signin',
    configResolved(config) {
      outDir = config.build.outDir
      base = config.base
      publicDir = config.publicDir
      root = config.root
      logger = config.logger
      isBuild = config.command === 'build' && config.mode !== 'test'
      if (isBuild && !isServableBase(base)) {
        throw new Error(
          `--base=${base}: use "/" or a path such as "/some/path/" (plain segments, "/" at both ends).`,
        )
      }
      const env = options.env ?? {
        ...loadEnv(config.mode, config.envDir || config.root, 'VITE_'),
        ...process.env,
      }
      const result = readConfig(env)
      if (result.ok) {
        issuer = result.config.issuer
        clientId = result.config.clientId
      } else if (isBuild) {
        const list = result.problems.map((p) => `  - ${p.variable} ${p.message}`).join('\n')
        config.logger.warn(`\nSign-in is not configured:\n${list}\n`)
      }
    },
    transformIndexHtml: {
      order: 'post',
      handler: (html, { bundle }) => {
        if (!bundle) return html
        const tags = [meta()]
        if (options.boot) {
          // The engine's chunk, the app's chunks named to start with it, and the chunks they
          // import, minus what index.html loads anyway.
          const chunks = Object.values(bundle).filter((c) => c.type === 'chunk')
          const engine = chunks.find((c) => ENGINE_MODULE.test(c.facadeModuleId ?? ''))
          const entry = chunks.find((c) => c.isEntry)
          const starting = (options.preloadWhenStarting ?? []).map((path) => {
            const id = normalizePath(resolve(root, path))
            const chunk = chunks.find((c) => c.facadeModuleId === id)
            if (!chunk)
              logger?.warn(`static-signin: preloadWhenStarting: no chunk of its own for ${path}`)
            return chunk
          })
          // Every chunk they import, however deep: each would otherwise cost one more round trip.
          const files = new Set<string>()
          const add = (fileName: string) => {
            if (files.has(fileName) || fileName === entry?.fileName) return
            files.add(fileName)
            chunks.find((c) => c.fileName === fileName)?.imports.forEach(add)
          }
          for (const chunk of [engine, ...starting]) if (chunk) add(chunk.fileName)
          tags.push(
            renderBootTags(
              [...files].map((f) => `${base}${f}`),
              clientId,
            ),
          )
        }
        // A page without it would be built without its policy: fail the build instead.
        if (!CHARSET_META.test(html)) {
          throw new Error(
            'static-signin: index.html needs <meta charset="UTF-8" /> in its <head>; the Content-Security-Policy goes right after it.',
          )
        }
        return html.replace(CHARSET_META, (meta) => `${meta}\n    ${tags.join('\n    ')}`)
      },
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const pathname = new URL(req.url ?? '/', 'http://dev.invalid').pathname
        // A relative base ("./") serves the page wherever the app is.
        const isRenewalPage = base.startsWith('/')
          ? pathname === `${base}${SILENT_RENEW_FILE}`
          : pathname.endsWith(`/${SILENT_RENEW_FILE}`)
        if (!isRenewalPage) {
          next()
          return
        }
        res.setHeader('Content-Type', 'text/html; charset=utf-8')
        res.end(SILENT_RENEW_HTML)
      })
    },
    generateBundle() {
      const publicFiles = publicDir && existsSync(publicDir) ? readdirSync(publicDir) : []
      const fixedFiles = [...publicFiles, SILENT_RENEW_FILE]
      this.emitFile({
        type: 'asset',
        fileName: SILENT_RENEW_FILE,
        source: SILENT_RENEW_HTML.replace('<head>', `<head>\n    ${meta()}`),
      })
      if (options.hostFiles === false) return
      const hostFiles: [string, string][] = [
        ['_headers', renderHeadersFile(rules(), fixedFiles)],
        ['.htaccess', renderHtaccess(rules())],
        ['staticwebapp.config.json', renderStaticWebAppConfig(rules())],
      ]
      for (const [fileName, source] of hostFiles) {
        if (publicFiles.includes(fileName)) {
          this.warn(
            `public/${fileName} is the app's own, so it is kept: merge static-signin's security headers and cache rules into it (describeHostFiles in static-signin/vite renders them).`,
          )
          continue
        }
        this.emitFile({ type: 'asset', fileName, source })
      }
    },
    writeBundle: {
      handler() {
        // One file per page, and the 404 page: the same document; the app's router picks the view.
        const entry = join(outDir, 'index.html')
        if (!existsSync(entry)) return
        const copies = [...pages.filter(Boolean).map((p) => `${p}index.html`), NOT_FOUND_FILE]
        for (const page of copies) {
          const target = join(outDir, page)
          mkdirSync(dirname(target), { recursive: true })
          copyFileSync(entry, target)
        }
      },
    },
    closeBundle() {
      if (!isBuild) return
      console.log(
        `\nRegister these redirect URIs for this build (base ${base}):\n  <your origin>${base}\n  <your origin>${base}${SILENT_RENEW_FILE}\n`,
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
