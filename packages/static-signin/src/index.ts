// static-signin: the core, without React. Configuration, what a page load is, the sign-in engine
// (protocol checks and session lifecycle), errors as a person reads them, scopes and the
// authorized fetch. React apps use static-signin/react; builds use static-signin/vite.

export {
  readConfig,
  type AppConfig as SignInConfig,
  type ConfigEnv,
  type ConfigProblem,
  type ConfigResult,
} from './config/read-config.ts'
export type { BrowserRefusal } from './config/probe-browser.ts'
export { readPageStart } from './session/read-page-start.ts'
export { FRESH_START, type PageStart } from './session/page-start.ts'
export { createSignInSession, type SignInSession } from './session/create-session.ts'
export type { SessionKeeper } from './session/session-keeper.ts'
export type { SecureUserManager } from './oidc/secure-user-manager.ts'
export type { EndReason, SessionSnapshot, TokenSource } from './session/session-snapshot.ts'
export type { SignOutResult } from './session/sign-out.ts'
export type { FeatureName } from './session/ask-for-scope.ts'

export { AuthError, readErrorCode, type AuthErrorCode } from './oidc/auth-error.ts'
export { describeAppError, type AuthErrorDescription } from './oidc/describe-app-error.ts'
export { isInteractionNeeded } from './oidc/is-interaction-needed.ts'
export { readPersonProfile, type PersonProfile } from './oidc/profile.ts'
export { describeRedirectUris, type RedirectUris } from './oidc/callback-url.ts'
export { readReturnTo } from './oidc/return-to.ts'
export {
  fetchAuthorized,
  type AccessTokens,
  type AuthorizedRequest,
} from './oidc/authorized-fetch.ts'

export { GOOGLE_ISSUER } from './google/metadata.ts'
export { GOOGLE_API_BASE, describeApiBase } from './google/api-base.ts'
export { addScope } from './google/add-scope.ts'
export {
  hasGrantedScope,
  listAskedScopes,
  readGrantedScopes,
  type GrantedScopes,
} from './google/granted-scopes.ts'
export { CALENDAR_EVENTS_SCOPE, nameGrantedScopes, nameScope } from './google/scopes.ts'
export {
  GoogleApiError,
  describeGoogleApiError,
  type GoogleApiErrorCode,
  type GoogleErrorBody,
} from './google/google-api-error.ts'
