import type { BrowserRefusal } from '../config/probe-browser.ts'
import { AuthError } from './auth-error.ts'

/** "A", "A and B", "A, B and C". */
function joinNames(names: readonly string[]): string {
  return [names.slice(0, -1).join(', '), ...names.slice(-1)].filter(Boolean).join(' and ')
}

/** How to allow site data, in the major browsers (plain text). */
const ALLOW_SITE_DATA =
  'Allow cookies and site data for this site, then reload the page. ' +
  'Chrome: Settings › Privacy and security › Site settings › Additional content settings › On-device site data, and add this site under “Allowed to save data on your device”. ' +
  'Edge: Settings › Cookies and site permissions › Manage and delete cookies and site data, and add this site under Allow. ' +
  'Firefox: Settings › Privacy & Security › Cookies and Site Data › Manage Exceptions…, enter this site’s address and choose Allow. ' +
  'Safari: Settings › Privacy, and turn off “Block all cookies”.'

/**
 * What a browser that cannot sign in is told, as the AuthError the page's session carries instead
 * of starting anything (react/use-refusal-error.ts loads this module only then: its text has
 * no place in every visitor's download).
 */
export function createRefusalError(refusal: BrowserRefusal): AuthError {
  if (refusal.kind === 'site-data-blocked') {
    return new AuthError(
      'site_data_blocked',
      `This browser blocks cookies and site data for this site, and signing in needs them: it keeps a one-time code in this tab while you sign in. ${ALLOW_SITE_DATA}`,
      refusal.detail,
    )
  }
  return new AuthError(
    'browser_unsupported',
    `This browser can’t sign you in: it lacks ${joinNames(refusal.missing)}. Update it, or use a current version of Chrome, Edge, Firefox or Safari.`,
    refusal.isInsecure
      ? 'This page was not loaded over HTTPS, and browsers offer crypto.subtle to secure pages only.'
      : undefined,
  )
}
