import type { BrowserRefusal } from '../config/probe-browser.ts'
import { AuthError } from './auth-error.ts'

/** "A", "A and B", "A, B and C". */
function joinNames(names: readonly string[]): string {
  return [names.slice(0, -1).join(', '), ...names.slice(-1)].filter(Boolean).join(' and ')
}

/**
 * What a browser that cannot sign in is told, as the AuthError the page's session carries instead
 * of starting anything (src/react/SessionSource.tsx).
 */
export function createRefusalError(refusal: BrowserRefusal): AuthError {
  if (refusal.kind === 'site-data-blocked') {
    return new AuthError(
      'site_data_blocked',
      'This browser blocks cookies and site data for this site, and signing in needs them: it keeps a one-time code in this tab while you sign in.',
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
