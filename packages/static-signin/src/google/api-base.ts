import { GOOGLE_ISSUER } from './metadata.ts'

/** Google's API host (www.googleapis.com serves Calendar, Drive, Gmail, People and the rest). */
export const GOOGLE_API_BASE = 'https://www.googleapis.com'

/**
 * The origin the app calls Google's APIs at, or `undefined` where there is none to call: Google's
 * API host when the issuer is Google; the issuer's origin for the bundled local provider
 * (`npm start`, VITE_LOCAL_PROVIDER=1), which serves a stand-in for the Calendar API's paths there.
 * Any other provider has no Google API at all: its access tokens are not Google's, so the features
 * that call one are not offered, and no token is sent to googleapis.com or to a guessed origin.
 * The CSP's connect-src names exactly this origin (hosting/security-headers.ts).
 */
export function describeApiBase(issuer: string, isLocalProvider: boolean): string | undefined {
  if (issuer === GOOGLE_ISSUER) return GOOGLE_API_BASE
  return isLocalProvider ? new URL(issuer).origin : undefined
}
