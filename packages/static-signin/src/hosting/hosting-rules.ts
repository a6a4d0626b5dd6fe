import { buildSecurityHeaders } from './security-headers.ts'

/** Hashed file names never change content: cache them for a year, never revalidate. */
export const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable'
/** Everything else (HTML, the renewal page and script, icons): revalidate on every use. */
export const CACHE_REVALIDATE = 'no-cache'

/**
 * The app's pages, as paths below its base path, each ending in "/" (or "" for the home page).
 * Each is a real file in the build (`<path>index.html`), so every static host answers it with 200
 * and no rewrite rule.
 */
export const DEFAULT_PAGES: readonly string[] = ['']

/** The page a host serves, with status 404, for any path that is not one of the app's files. */
export const NOT_FOUND_FILE = '404.html'

/** What every host must do for one build: derived once here, rendered per host in deploy/. */
export interface HostingRules {
  /** The base path the build was made for, starting and ending with "/". */
  base: string
  /** Sent on every response, 404s included. */
  securityHeaders: Record<string, string>
  /** Everything below this prefix has a content hash in its name (Vite's `build.assetsDir`). */
  hashedPrefix: string
  /** The app's pages as served: each a directory index. */
  pages: string[]
  /** Served with status 404 for any other path. */
  notFound: string
}

/**
 * The hosting rules of a build for `issuer` at `base`. Two cache classes only, so that no host
 * ever has two rules setting Cache-Control on one path (Netlify and Cloudflare Pages would join
 * them with a comma): hashed assets are immutable, everything else is `no-cache`.
 */
export function describeHostingRules(
  issuer: string,
  base: string,
  pages: readonly string[] = DEFAULT_PAGES,
): HostingRules {
  return {
    base,
    securityHeaders: buildSecurityHeaders(issuer),
    hashedPrefix: `${base}assets/`,
    pages: pages.map((page) => `${base}${page}`),
    notFound: `${base}${NOT_FOUND_FILE}`,
  }
}

/** The Cache-Control of a path as the browser requests it. */
export function chooseCacheControl(rules: HostingRules, pathname: string): string {
  return pathname.startsWith(rules.hashedPrefix) ? CACHE_IMMUTABLE : CACHE_REVALIDATE
}

/** Whether `base` is a path Vite accepts and hosts can serve: "/", or "/a/b/" of plain segments. */
export function isServableBase(base: string): boolean {
  return /^\/((?!\.{1,2}\/)[A-Za-z0-9._~-]+\/)*$/.test(base)
}
