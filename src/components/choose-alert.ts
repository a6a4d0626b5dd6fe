import {
  isInteractionNeeded,
  readErrorCode,
  type AuthErrorDescription,
  type EndReason,
  type SessionSnapshot,
  type SignOutResult,
} from 'static-signin'
import type { RenewalNoticeProps } from './RenewalNotice.tsx'

/** The one notice above the page, if any: a sign-in failure outranks everything else. */
export type AppAlert =
  /** This browser cannot sign in at all: the sign-in button is disabled and points here. */
  | { kind: 'browser-refused'; description: AuthErrorDescription }
  | { kind: 'auth-error'; description: AuthErrorDescription }
  | ({ kind: 'renewal-failed' } & Omit<RenewalNoticeProps, 'onStay'>)
  | { kind: 'continue'; name: string | undefined; reason: EndReason | undefined; isBusy: boolean }
  | { kind: 'session-ended'; reason: EndReason }
  | { kind: 'signed-out'; result: SignOutResult }
  | { kind: 'none' }

export interface AlertInput {
  /** A sign-in, restore or join failure (already without the `superseded` kind). */
  error: unknown
  /** The signed-in session, if any, with its expiry in seconds since the epoch. */
  session: { expiresAt: number | undefined } | undefined
  /** Words for a failure: the engine's full describer once it is in (describe-auth-error.ts). */
  describeError: (error: unknown) => AuthErrorDescription
  keeping: Pick<
    SessionSnapshot,
    'phase' | 'renewalError' | 'endReason' | 'signOutResult' | 'isStaying' | 'invitation'
  >
}

const REFUSAL_CODES: unknown[] = ['site_data_blocked', 'browser_unsupported']

/** Picks which notice the app shows, from what the session says (pure; see App.tsx). */
export function chooseAlert({ error, session, keeping, describeError }: AlertInput): AppAlert {
  if (REFUSAL_CODES.includes(readErrorCode(error)))
    return { kind: 'browser-refused', description: describeError(error) }
  if (error) return { kind: 'auth-error', description: describeError(error) }
  if (session && keeping.phase === 'failed' && session.expiresAt !== undefined) {
    return {
      kind: 'renewal-failed',
      expiresAt: session.expiresAt,
      isInteractionNeeded: isInteractionNeeded(keeping.renewalError),
      cause:
        keeping.renewalError === undefined ? undefined : describeError(keeping.renewalError).title,
      isBusy: keeping.isStaying,
    }
  }
  if (!session && keeping.invitation) {
    const { name } = keeping.invitation
    return { kind: 'continue', name, reason: keeping.endReason, isBusy: keeping.isStaying }
  }
  if (!session && keeping.endReason) return { kind: 'session-ended', reason: keeping.endReason }
  if (!session && keeping.signOutResult)
    return { kind: 'signed-out', result: keeping.signOutResult }
  return { kind: 'none' }
}
