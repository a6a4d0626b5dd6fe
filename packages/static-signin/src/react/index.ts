// static-signin/react: the React binding. <SignInProvider> keeps the session (its engine loads in
// a chunk of its own, so a signed-out page paints without it), useSession reads it,
// <RequireSignIn> guards what needs a person, useAuthorizedFetch calls an API with the token.

export { SignInProvider, type LoadEngine, type SignInProviderProps } from './SignInProvider.tsx'
export { useSession, type AppSession as Session } from './app-session.ts'
export { RequireSignIn, type RequireSignInProps } from './RequireSignIn.tsx'
export { useAuthorizedFetch } from './use-authorized-fetch.ts'
export type { ApiRequest, SessionDetails, SessionFeatures } from './use-session.ts'
export { SIGN_IN_REFUSAL_ID, SignInRefusalContext } from './sign-in-refusal.ts'
