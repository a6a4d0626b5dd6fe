import { GOOGLE_API_BASE } from './calendar-events.ts'
import { GOOGLE_ISSUER } from './metadata.ts'

/**
 * The origin the app calls APIs at: Google's API host when the issuer is Google; otherwise the
 * issuer's origin (the local provider serves the Calendar API's paths there). The CSP's
 * connect-src names exactly this origin (src/config/security-headers.ts).
 */
export function describeApiBase(issuer: string): string {
  return issuer === GOOGLE_ISSUER ? GOOGLE_API_BASE : new URL(issuer).origin
}
