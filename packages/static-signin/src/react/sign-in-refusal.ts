import { createContext } from 'react'

/** The id of the alert that says why this browser cannot sign in (App.tsx renders it). */
export const SIGN_IN_REFUSAL_ID = 'sign-in-refusal'

/**
 * That alert's id when this browser cannot sign in (SignInProvider.tsx), else undefined: every
 * "Sign in with Google" button is then disabled and described by it, whichever page it is on.
 */
export const SignInRefusalContext = createContext<string | undefined>(undefined)
