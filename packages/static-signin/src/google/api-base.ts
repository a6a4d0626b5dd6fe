import { GOOGLE_ISSUER } from './metadata.ts'

/** Google's API host (www.googleapis.com serves Calendar, Drive, Gmail, People and the rest). */
export const GOOGLE_API_BASE = 'https://www.googleapis.com'

/**
 * The origin the app calls APIs at: Google's API host when the issuer is Google; otherwise the
 * issuer's origin (the bundled local provider serves the Calendar API's paths there). The CSP's
 * connect-src names exactly this origin (hosting/security-headers.ts).
 */
export function describeApiBase(issuer: string): string {
  return issuer === GOOGLE_ISSUER ? GOOGLE_API_BASE : new URL(issuer).origin
}
