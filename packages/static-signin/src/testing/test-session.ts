import { GOOGLE_API_BASE } from '../google/api-base.ts'
import { AuthError } from '../oidc/auth-error.ts'
import { describeAuthError } from '../oidc/describe-auth-error.ts'
import type { PersonProfile } from '../oidc/profile.ts'
import type { AppSession } from '../react/app-session.ts'
import { CLEARED, type EndReason, type SessionSnapshot } from '../session/session-snapshot.ts'

/** The person of a signed-in test session; every claim not given is a fixed, plain default. */
export type TestClaims = Partial<PersonProfile>

interface SignedInSpec {
  /** The person's claims (`sub`, `name`, `email`, …). */
  claims?: TestClaims
  /** The granted scopes, in the token response's form. Default: openid email profile. */
  scopes?: string[]
  /** When the access token expires, in seconds since the epoch. Default: an hour from now. */
  expiresAt?: number
  /** What an authorized API call answers (url → JSON body, or a thrown error). Default: rejects. */
  api?: (url: string) => unknown
}

/** A session state to render a component in, with no provider and no network. */
export type TestSessionSpec =
  | { state: 'signed-out'; error?: unknown }
  | { state: 'starting'; restoring?: boolean }
  | ({ state: 'signed-in' } & SignedInSpec)
  | ({ state: 'renewing' } & SignedInSpec)
  | ({ state: 'renewal-failed'; error?: unknown } & SignedInSpec)
  | { state: 'ended'; reason?: EndReason }
  | { state: 'error'; error?: unknown }

export const TEST_CLAIMS: PersonProfile = {
  sub: '110169484474386276334',
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  emailVerified: true,
  pictureUrl: undefined,
  hostedDomain: undefined,
}

const DEFAULT_SCOPES = ['openid', 'email', 'profile']
const resolved = () => Promise.resolve()

function snapshot(changes: Partial<SessionSnapshot>): SessionSnapshot {
  return { ...CLEARED, lastTokens: undefined, ...changes }
}

function signedIn(spec: SignedInSpec): Pick<AppSession, 'session' | 'features'> {
  const scopes = spec.scopes ?? DEFAULT_SCOPES
  return {
    session: {
      profile: { ...TEST_CLAIMS, ...spec.claims },
      scopes,
      expiresAt: spec.expiresAt ?? Math.floor(Date.now() / 1000) + 3600,
    },
    features: {
      signInScope: DEFAULT_SCOPES.join(' '),
      reopened: undefined,
      apiBase: GOOGLE_API_BASE,
      fetchJson: (url) => {
        const { api } = spec
        if (!api) return Promise.reject(new Error(`The test session has no API answer for ${url}`))
        try {
          return Promise.resolve(api(url))
        } catch (error: unknown) {
          return Promise.reject(error instanceof Error ? error : new Error(String(error)))
        }
      },
      askForScope: resolved,
      useAnotherAccount: resolved,
    },
  }
}

const TEST_ERROR = new AuthError('timeout', 'The sign-in provider did not answer in time.')

/**
 * A session as useSession returns it, in the state asked for. Its actions do nothing and resolve;
 * pass `overrides` (e.g. `{ signOut: vi.fn() }`) to watch or change any of them.
 */
export function createTestSession(
  spec: TestSessionSpec,
  overrides: Partial<AppSession> = {},
): AppSession {
  const base: AppSession = {
    session: undefined,
    features: undefined,
    keeping: snapshot({}),
    error: undefined,
    isStarting: false,
    isRedirecting: false,
    signIn: resolved,
    stayLoggedIn: resolved,
    continueSession: resolved,
    describeError: describeAuthError,
    signOut: resolved,
    renewNow: resolved,
    reloadProfile: resolved,
  }
  const byState = (): Partial<AppSession> => {
    switch (spec.state) {
      case 'signed-out':
        return { error: spec.error }
      case 'starting':
        return {
          isStarting: true,
          keeping: snapshot({ phase: spec.restoring === false ? 'callback' : 'restoring' }),
        }
      case 'signed-in':
        return { ...signedIn(spec), keeping: snapshot({ phase: 'idle' }) }
      case 'renewing':
        return { ...signedIn(spec), keeping: snapshot({ phase: 'renewing' }) }
      case 'renewal-failed':
        return {
          ...signedIn(spec),
          keeping: snapshot({ phase: 'failed', renewalError: spec.error ?? TEST_ERROR }),
        }
      case 'ended':
        return { keeping: snapshot({ endReason: spec.reason ?? 'expired' }) }
      case 'error':
        return { error: spec.error ?? TEST_ERROR }
    }
  }
  return { ...base, ...byState(), ...overrides }
}
