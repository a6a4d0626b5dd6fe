import { GoogleApiError } from './google-api-error.ts'

/**
 * Checks that `url` is an absolute https (or, for the bundled local provider, loopback http) URL
 * at the API origin `apiBase`, before an access token is attached to it: the token is a bearer
 * credential, so a relative URL (the app's own origin), a link read from an API answer, or
 * `undefined/...` where there is no API must never carry it. The CSP's connect-src is the second
 * line, not the only one (the dev server sends none).
 * @throws GoogleApiError `url_refused`, and nothing is sent.
 */
export function checkApiUrl(url: string, apiBase: string | undefined): string {
  const refuse = (why: string): never => {
    throw new GoogleApiError('url_refused', 'This request was not sent.', why)
  }
  if (apiBase === undefined) return refuse('This sign-in provider has no Google API to call.')
  let target: URL
  try {
    target = new URL(url)
  } catch {
    return refuse(`"${url}" is not an absolute URL at ${apiBase}.`)
  }
  if (target.origin !== new URL(apiBase).origin) {
    return refuse(`The access token is sent only to ${apiBase}, not to ${target.origin}.`)
  }
  return target.href
}
