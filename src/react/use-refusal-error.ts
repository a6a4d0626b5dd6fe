import { useEffect, useState } from 'react'
import type { BrowserRefusal } from '../config/probe-browser.ts'
import { AuthError } from '../oidc/auth-error.ts'

const loadRefusalError = () => import('../oidc/refusal-error.ts')

/**
 * Why this browser cannot sign in, as the alert says it: the wording (with each browser's steps)
 * comes in a chunk of its own, fetched only by a browser that needs it. Should even that fail,
 * a shorter sentence stands in.
 */
export function useRefusalError(refusal: BrowserRefusal | undefined): AuthError | undefined {
  const [error, setError] = useState<AuthError>()
  useEffect(() => {
    if (!refusal) return
    let isCurrent = true
    loadRefusalError().then(
      ({ createRefusalError }) => {
        if (isCurrent) setError(createRefusalError(refusal))
      },
      () => {
        const code =
          refusal.kind === 'site-data-blocked' ? 'site_data_blocked' : 'browser_unsupported'
        if (isCurrent) setError(new AuthError(code, 'Signing in is not possible in this browser.'))
      },
    )
    return () => {
      isCurrent = false
    }
  }, [refusal])
  return error
}
