import { GOOGLE_ISSUER, isGoogleIssuer } from '../google/metadata.ts'

/** The validated build-time configuration of the app. */
export interface AppConfig {
  issuer: string
  clientId: string
  clientSecret: string | undefined
  scope: string
  isGoogle: boolean
  /** Renew with the provider's refresh tokens (kept in memory) instead of the hidden iframe. */
  useRefreshTokens: boolean
  /** Set by `npm start` when it runs the bundled local provider instead of Google. */
  isLocalProvider: boolean
}

/** One thing wrong with the configuration, named by the variable to set. */
export interface ConfigProblem {
  variable: string
  message: string
}

export type ConfigResult =
  { ok: true; config: AppConfig } | { ok: false; problems: ConfigProblem[] }

/**
 * The variables the app reads; their names are a public interface. Any other variable may be
 * there too: Vite's `import.meta.env` (BASE_URL, MODE…) is passed as it is, even where the app
 * declares none of these names (without the index signature TypeScript would refuse it as having
 * "no properties in common").
 */
export interface ConfigEnv {
  readonly [variable: string]: unknown
  VITE_OIDC_ISSUER?: string | undefined
  VITE_OIDC_CLIENT_ID?: string | undefined
  VITE_OIDC_CLIENT_SECRET?: string | undefined
  VITE_OIDC_SCOPE?: string | undefined
  VITE_OIDC_REFRESH_TOKENS?: string | undefined
  VITE_LOCAL_PROVIDER?: string | undefined
}

const DEFAULT_SCOPE = 'openid email profile'
const SCOPE_TOKEN = /^[\x21\x23-\x5B\x5D-\x7E]+$/ // RFC 6749 §3.3 scope-token
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]'])

function checkIssuer(raw: string): string | undefined {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return `"${raw}" is not an absolute URL. Use the provider's issuer, e.g. ${GOOGLE_ISSUER}.`
  }
  const isLoopback = url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)
  if (url.protocol !== 'https:' && !isLoopback) {
    return `"${raw}" must use https (plain http is allowed only for a provider on this machine).`
  }
  if (url.search || url.hash || url.username || url.password) {
    return `"${raw}" must not carry a query, fragment or credentials.`
  }
  return undefined
}

function checkScope(scope: string, isGoogle: boolean): string | undefined {
  const tokens = scope.split(' ')
  if (tokens.some((token) => !SCOPE_TOKEN.test(token))) {
    return `"${scope}" must be scope names separated by single spaces.`
  }
  if (!tokens.includes('openid')) return `"${scope}" must include "openid" to sign people in.`
  if (isGoogle && tokens.includes('offline_access')) {
    return 'Google rejects "offline_access" as invalid_scope; leave it out.'
  }
  return undefined
}

/** A set, non-blank variable, trimmed; blank counts as unset. */
function readSetting(value: string | undefined): string | undefined {
  const trimmed = value?.trim()
  return trimmed === '' ? undefined : trimmed
}

/**
 * Reads and validates the VITE_OIDC_* variables once, at start-up.
 * Returns every problem at once so the setup page can list them all.
 */
export function readConfig(env: ConfigEnv): ConfigResult {
  const problems: ConfigProblem[] = []
  // Kept exactly as given: issuers are compared as exact strings (OIDC Discovery §4.3), and one
  // such as `https://tenant.example.com/` really ends with its slash.
  const issuer = readSetting(env.VITE_OIDC_ISSUER) ?? GOOGLE_ISSUER
  const clientId = readSetting(env.VITE_OIDC_CLIENT_ID) ?? ''
  const clientSecret = readSetting(env.VITE_OIDC_CLIENT_SECRET)
  const scope = readSetting(env.VITE_OIDC_SCOPE) ?? DEFAULT_SCOPE
  const isGoogle = isGoogleIssuer(issuer)

  const issuerProblem =
    issuer === `${GOOGLE_ISSUER}/`
      ? `"${issuer}" is not Google's issuer: leave the variable unset, or use ${GOOGLE_ISSUER} (no trailing slash).`
      : checkIssuer(issuer)
  if (issuerProblem) problems.push({ variable: 'VITE_OIDC_ISSUER', message: issuerProblem })

  if (clientId === '') {
    problems.push({
      variable: 'VITE_OIDC_CLIENT_ID',
      message: 'is not set. Create an OAuth client ID of type "Web application" and set it here.',
    })
  } else if (/\s/.test(clientId)) {
    problems.push({ variable: 'VITE_OIDC_CLIENT_ID', message: 'must not contain spaces.' })
  } else if (isGoogle && !clientId.endsWith('.apps.googleusercontent.com')) {
    problems.push({
      variable: 'VITE_OIDC_CLIENT_ID',
      message: `"${clientId}" is not a Google client ID (they end in .apps.googleusercontent.com).`,
    })
  }

  if (isGoogle && clientSecret === undefined) {
    problems.push({
      variable: 'VITE_OIDC_CLIENT_SECRET',
      message:
        "is not set. Google's token endpoint refuses Web application clients without it, even with PKCE. It is visible to every visitor; see the README.",
    })
  }

  const refreshTokens = readSetting(env.VITE_OIDC_REFRESH_TOKENS)
  if (refreshTokens !== undefined && !['0', '1'].includes(refreshTokens)) {
    problems.push({
      variable: 'VITE_OIDC_REFRESH_TOKENS',
      message: 'must be 1 (use refresh tokens) or 0.',
    })
  } else if (refreshTokens === '1' && isGoogle) {
    problems.push({
      variable: 'VITE_OIDC_REFRESH_TOKENS',
      message:
        'cannot be used with Google, which gives browser apps no usable refresh tokens; silent renewal is used instead.',
    })
  }

  const scopeProblem = checkScope(scope, isGoogle)
  if (scopeProblem) problems.push({ variable: 'VITE_OIDC_SCOPE', message: scopeProblem })

  if (problems.length > 0) return { ok: false, problems }
  return {
    ok: true,
    config: {
      issuer,
      clientId,
      clientSecret,
      scope,
      isGoogle,
      useRefreshTokens: refreshTokens === '1',
      isLocalProvider: env.VITE_LOCAL_PROVIDER === '1',
    },
  }
}
