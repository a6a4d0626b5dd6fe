/** The stand-in's one OAuth client, shaped like a Google Web application client. */
export const STAND_IN_CLIENT_ID =
  '123456789012-standin0test0client0abcdefghij.apps.googleusercontent.com'
/** Public in the build, as documented: Google requires it of a Web client even with PKCE. */
export const STAND_IN_CLIENT_SECRET = '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veryone'
