import { useEffect, useMemo, useState } from 'react'
import type { BrowserRefusal } from '../config/probe-browser.ts'
import { AuthError } from '../oidc/auth-error.ts'

const loadRefusalError = () => import('../oidc/refusal-error.ts')

/**
 * Why this browser cannot sign in, as the alert says it. A short sentence at once, so the alert
 * that the disabled button points at is always there; the full wording (with each browser's
 * steps) replaces it from a chunk of its own, fetched only by a browser that needs it.
 */
export function useRefusalError(refusal: BrowserRefusal | undefined): AuthError | undefined {
  const [detailed, setDetailed] = useState<{ refusal: BrowserRefusal; error: AuthError }>()
  const short = useMemo(() => {
    if (!refusal) return undefined
    const code = refusal.kind === 'site-data-blocked' ? 'site_data_blocked' : 'browser_unsupported'
    return new AuthError(code, 'Signing in is not possible in this browser.')
  }, [refusal])
  useEffect(() => {
    if (!refusal) return
    let isCurrent = true
    loadRefusalError().then(
      ({ createRefusalError }) => {
        if (isCurrent) setDetailed({ refusal, error: createRefusalError(refusal) })
      },
      () => undefined, // the short sentence stays
    )
    return () => {
      isCurrent = false
    }
  }, [refusal])
  return detailed !== undefined && detailed.refusal === refusal ? detailed.error : short
}
