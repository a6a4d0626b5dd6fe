import { GOOGLE_API_BASE } from '../google/api-base.ts'
import { GOOGLE_ISSUER } from '../google/metadata.ts'
import { BOOT_SCRIPT_HASH, BOOT_STYLE_HASH, SILENT_RENEW_SCRIPT_HASH } from '../config/boot.ts'

/** Origins the app talks to, derived from the configured issuer (build time). */
export interface ProviderOrigins {
  /** fetch(): discovery, token, userinfo, revocation, and the one API origin (api-base.ts). */
  connect: string[]
  /** The hidden renewal iframe's first hop. */
  frame: string[]
  /** Profile pictures. */
  img: string[]
}

/**
 * Google's endpoints are fixed (google/metadata.ts); another provider is assumed to serve its
 * endpoints from the issuer's origin, and its pictures from anywhere on https.
 */
export function describeProviderOrigins(issuer: string): ProviderOrigins {
  if (issuer === GOOGLE_ISSUER) {
    return {
      connect: [
        'https://oauth2.googleapis.com',
        'https://openidconnect.googleapis.com',
        GOOGLE_API_BASE,
      ],
      frame: ['https://accounts.google.com'],
      img: ['https://*.googleusercontent.com'],
    }
  }
  const origin = new URL(issuer).origin
  // Only the local provider serves an API, from the issuer's origin (api-base.ts): nothing more.
  const isLoopback = ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(issuer).hostname)
  return { connect: [origin], frame: [origin], img: isLoopback ? [origin] : [origin, 'https:'] }
}

/**
 * The Content-Security-Policy of every page (BBA §5: injected script is the main threat):
 * scripts only from this origin (and the boot script, by hash) and Trusted Types for DOM sinks, network only to the provider,
 * no plugins, no <base>, no form posts. `frameAncestors` is honoured only as an HTTP header.
 */
export function buildContentSecurityPolicy(
  issuer: string,
  frameAncestors?: "'none'" | "'self'",
): string {
  const origins = describeProviderOrigins(issuer)
  const directives: [string, ...string[]][] = [
    ['default-src', "'none'"],
    // Plus the fixed inline scripts (boot.ts, hosting/silent-renew-page.ts) and style, by hash.
    ['script-src', "'self'", BOOT_SCRIPT_HASH, SILENT_RENEW_SCRIPT_HASH],
    ['style-src', "'self'", BOOT_STYLE_HASH],
    ['font-src', "'self'"],
    ['img-src', "'self'", ...origins.img],
    ['connect-src', ...origins.connect],
    ['frame-src', "'self'", ...origins.frame],
    ['form-action', "'none'"],
    ['base-uri', "'none'"],
    ['object-src', "'none'"],
    ['require-trusted-types-for', "'script'"],
    ['trusted-types', "'none'"],
  ]
  if (frameAncestors) directives.push(['frame-ancestors', frameAncestors])
  return directives.map((d) => d.join(' ')).join('; ')
}

/**
 * Response headers for hosts that can send them (a meta tag cannot set `frame-ancestors`).
 * One set for every path: hosts such as Netlify combine all matching rules, and the renewal page
 * must stay frameable by the app itself — `'self'` still stops every other site from framing it.
 */
export function buildSecurityHeaders(issuer: string): Record<string, string> {
  return {
    'Content-Security-Policy': buildContentSecurityPolicy(issuer, "'self'"),
    'X-Frame-Options': 'SAMEORIGIN',
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
  }
}
