import { useCallback, useInsertionEffect, useRef } from 'react'
import { AuthError } from '../oidc/auth-error.ts'
import { useSession } from './app-session.ts'
import type { ApiRequest, SessionFeatures } from './use-session.ts'

/**
 * A stable function that GETs a provider API with this session's access token and returns its JSON
 * body (SessionFeatures.fetchJson): a Bearer header, one renewal and one retry on 401, a time-out,
 * Google's error shape as GoogleApiError. Signed out, it rejects with AuthError `no_session`; a
 * sign-out, an expiry or another account meanwhile rejects it with `superseded`.
 */
export function useAuthorizedFetch(): (url: string, request?: ApiRequest) => Promise<unknown> {
  const { features } = useSession()
  const latest = useRef<SessionFeatures | undefined>(features)
  // Before any layout or passive effect of this commit, children's included: a child that calls
  // the function from its own effect, on the render where the session arrives, already sees it.
  useInsertionEffect(() => {
    latest.current = features
  })
  return useCallback(async (url: string, request?: ApiRequest) => {
    const current = latest.current
    if (!current) throw new AuthError('no_session', 'Sign in first, then try again.')
    return current.fetchJson(url, request)
  }, [])
}
