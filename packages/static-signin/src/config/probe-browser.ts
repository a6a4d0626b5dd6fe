/** Why this browser cannot sign in at all, found once as the page starts (session/read-page-start.ts). */
export type BrowserRefusal =
  /** Cookies and site data are blocked for this site: the storages themselves refuse. */
  | { kind: 'site-data-blocked'; detail: string }
  /** A platform feature the sign-in needs is missing; `isInsecure`: the page is not HTTPS. */
  | { kind: 'features-missing'; missing: readonly string[]; isInsecure: boolean }

/**
 * What the sign-in path calls, each found in the source (oidc-client-ts 3.5 dist/esm and src/).
 * Vite's default build target (Chrome and Edge 111, Firefox 114, Safari 16.4) has them all.
 */
const NEEDED_FEATURES: readonly { name: string; path: readonly string[] }[] = [
  // oidc-client-ts opens one for every silent sign-in, unconditionally (AbstractChildWindow).
  { name: 'BroadcastChannel', path: ['BroadcastChannel'] },
  // PKCE S256 challenge (CryptoUtils.generateCodeChallenge); withheld from pages not on HTTPS.
  { name: 'crypto.subtle', path: ['crypto', 'subtle', 'digest'] },
  // PKCE verifier and state (CryptoUtils), nonce (oidc/random-token.ts).
  { name: 'crypto.getRandomValues', path: ['crypto', 'getRandomValues'] },
  { name: 'TextEncoder', path: ['TextEncoder'] },
  { name: 'fetch', path: ['fetch'] },
  // The library's request time-outs (JsonService.fetchWithTimeout).
  { name: 'AbortController', path: ['AbortController'] },
  // Userinfo and revocation time-outs (oidc/fetch-userinfo.ts, revoke-token.ts).
  { name: 'AbortSignal.timeout', path: ['AbortSignal', 'timeout'] },
]

const STORAGES = ['localStorage', 'sessionStorage'] as const
const PROBE_KEY = 'static-signin.probe'

function hasFunction(path: readonly string[]): boolean {
  try {
    let value: unknown = globalThis
    for (const name of path) {
      if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return false
      value = (value as Record<string, unknown>)[name]
    }
    return typeof value === 'function'
  } catch {
    return false
  }
}

/** What went wrong with one storage, or undefined when it reads and writes. */
function describeStorageProblem(name: (typeof STORAGES)[number]): string | undefined {
  try {
    // With cookies blocked, reading the property itself throws a SecurityError.
    const storage = window[name] as Storage | null
    if (!storage) return `${name} is unavailable`
    storage.setItem(PROBE_KEY, '1')
    storage.removeItem(PROBE_KEY)
    return undefined
  } catch (error) {
    const { name: kind, message } = (error ?? {}) as { name?: unknown; message?: unknown }
    return `${name}: ${String(kind)}: ${String(message)}`
  }
}

/**
 * Checks, once as the page starts, that this browser can sign in at all: every platform feature the
 * sign-in uses is there, and both web storages can be read and written (getters included). Reads
 * the live environment; never throws.
 */
export function probeBrowser(): BrowserRefusal | undefined {
  const missing = NEEDED_FEATURES.filter(({ path }) => !hasFunction(path)).map(({ name }) => name)
  if (missing.length > 0) {
    // Absent where the platform has no notion of it (jsdom): only a plain "false" says insecure.
    const isSecure: unknown = globalThis.isSecureContext
    return { kind: 'features-missing', missing, isInsecure: isSecure === false }
  }
  const problems = STORAGES.map(describeStorageProblem).filter((problem) => problem !== undefined)
  if (problems.length > 0) return { kind: 'site-data-blocked', detail: problems.join('; ') }
  return undefined
}
