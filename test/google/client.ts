/** The stand-in's one OAuth client, shaped like a Google Web application client. */
export const STAND_IN_CLIENT_ID =
  '123456789012-standin0test0client0abcdefghij.apps.googleusercontent.com'
/** Public in the build, as documented: Google requires it of a Web client even with PKCE. */
export const STAND_IN_CLIENT_SECRET = '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veryone'

/**
 * The environment of the app's Google build for `clientId`: the default issuer
 * (https://accounts.google.com) and its embedded metadata, nothing of the local provider's. Blank
 * counts as unset (read-config.ts), so whatever the shell had set is overridden. `vite preview`
 * derives its headers (the CSP) from the environment it starts in: set it before both.
 */
export function describeGoogleBuildEnv(
  clientId = STAND_IN_CLIENT_ID,
  clientSecret = STAND_IN_CLIENT_SECRET,
): Record<string, string> {
  return {
    VITE_OIDC_ISSUER: '',
    VITE_OIDC_CLIENT_ID: clientId,
    VITE_OIDC_CLIENT_SECRET: clientSecret,
    VITE_OIDC_SCOPE: '',
    VITE_OIDC_REFRESH_TOKENS: '',
    VITE_LOCAL_PROVIDER: '',
  }
}
