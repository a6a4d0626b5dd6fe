import { checkApiUrl } from '../google/api-url.ts'
import { GOOGLE_API_BASE } from '../google/api-base.ts'
import { GoogleApiError } from '../google/google-api-error.ts'
import { nameScope } from '../google/scopes.ts'
import { AuthError } from '../oidc/auth-error.ts'
import { describeAuthError } from '../oidc/describe-auth-error.ts'
import type { PersonProfile } from '../oidc/profile.ts'
import type { AppSession } from '../react/app-session.ts'
import type { ApiRequest, SessionDetails, SessionFeatures } from '../react/use-session.ts'
import type { FeatureName } from '../session/ask-for-scope.ts'
import { CLEARED, type EndReason, type SessionSnapshot } from '../session/session-snapshot.ts'
import type { SignOutResult } from '../session/sign-out.ts'

/** The person of a signed-in test session; every claim not given is {@link TEST_CLAIMS}'. */
export type TestClaims = Partial<PersonProfile>

/** What a signed-in test session holds; every field has a plain default. */
export interface TestSignedInSpec {
  /** The person, as `session.profile` shows them (`sub`, `name`, `email`, …). */
  claims?: TestClaims
  /** The granted scopes, as the token response lists them. Default: `openid email profile`. */
  scopes?: string[]
  /** When the access token expires, in seconds since the epoch. Default: an hour from now. */
  expiresAt?: number
  /** The configured sign-in scope (`features.signInScope`). Default: `openid email profile`. */
  signInScope?: string
  /** The feature the person just came back from the provider for (`features.reopened`). */
  reopened?: FeatureName
  /**
   * What an authorized API call answers: the JSON body for `url` (or a promise of it); a throw or
   * a rejection is the call's error. A call whose `scope` is not among `scopes` never reaches it
   * and rejects with GoogleApiError `scope_missing`, what Google's 403 turns into. Default: every
   * call rejects, naming its URL.
   */
  api?: (url: string, request: ApiRequest) => unknown
}

/** The states, each with its own fields (see {@link TestSessionSpec}). */
type Specs =
  | {
      state: 'signed-out'
      /**
       * How the sign-out went: `{ isRevoked: true }` (default), `{ isRevoked: false, reason }` when
       * the provider could not be reached, or `'none'`: nobody signed in or out on this page yet.
       */
      signOutResult?: SignOutResult | 'none'
    }
  | {
      state: 'starting'
      /** `restore` (default): the silent sign-in at start-up; `callback`: the provider's answer. */
      via?: 'restore' | 'callback'
    }
  | ({ state: 'signed-in' } & TestSignedInSpec)
  | ({ state: 'renewing' } & TestSignedInSpec)
  | ({
      state: 'renewal-failed'
      /** Why the last renewal failed (`keeping.renewalError`). Default: the provider timed out. */
      error?: unknown
    } & TestSignedInSpec)
  | {
      state: 'ended'
      /** Why it ended (`keeping.endReason`). Default: `expired`. */
      reason?: EndReason
    }
  | {
      state: 'error'
      /** The failure (`error`), shown with `describeError`. Default: the provider timed out. */
      error?: unknown
      /**
       * `sign-in` (default): the provider's answer was refused; `restore`: the silent sign-in at
       * start-up failed, which the engine also keeps as `keeping.startError`.
       */
      during?: 'sign-in' | 'restore'
    }

type KeysOf<T> = T extends unknown ? keyof T : never
/** Each state refuses the fields of the others (`claims` only with a signed-in state), even inferred. */
type Exclusive<T, All = T> = T extends unknown
  ? T & Partial<Record<Exclude<KeysOf<All>, keyof T>, never>>
  : never

/**
 * A session state to render a component in, with no provider and no network. Each state is what
 * the sign-in engine reports in that situation:
 * - `signed-out`: nobody is signed in, after the person signed out (`keeping.signOutResult`);
 *   `signOutResult: 'none'` for a first visit, where nothing happened yet.
 * - `starting`: a restore (the one silent sign-in at start-up) or a callback is under way:
 *   `isStarting`, nobody signed in yet.
 * - `signed-in`: `session` and `features` for the person in `claims`, granted `scopes`.
 * - `renewing`: signed in, a renewal under way (`keeping.phase` `renewing`).
 * - `renewal-failed`: signed in until `expiresAt`, renewal gave up (`keeping.phase` `failed`,
 *   `keeping.renewalError`).
 * - `ended`: the session ended without the person asking (`keeping.endReason`).
 * - `error`: a sign-in or a restore failed; nobody is signed in and `error` says why.
 *
 * @example
 * createTestSession({ state: 'signed-in', claims: { name: 'Grace' }, scopes: ['openid', 'email'] })
 * createTestSession({ state: 'ended', reason: 'signed-out-elsewhere' })
 */
export type TestSessionSpec = Exclusive<Specs>

/** The states in which someone is signed in: `session` and `features` are there. */
export type TestSignedInState = 'signed-in' | 'renewing' | 'renewal-failed'

/** A test session: for a signed-in state, `session` and `features` need no check. */
export type TestSession<Spec extends TestSessionSpec = TestSessionSpec> =
  Spec['state'] extends TestSignedInState
    ? AppSession & { session: SessionDetails; features: SessionFeatures }
    : AppSession

/**
 * Changes to a test session: any action (`{ signOut: vi.fn() }`) or flag (`isRedirecting`), and
 * for a signed-in state any of its features (`{ features: { askForScope: vi.fn() } }`). Who is
 * signed in comes from the spec only.
 */
export type TestSessionOverrides = Partial<Omit<AppSession, 'session' | 'features'>> & {
  features?: Partial<SessionFeatures>
}

/** The person of a signed-in test session when the spec names nobody. */
export const TEST_CLAIMS: PersonProfile = {
  sub: '110169484474386276334',
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  emailVerified: true,
  pictureUrl: undefined,
  hostedDomain: undefined,
}

const DEFAULT_SCOPE = 'openid email profile'
const TEST_ERROR = new AuthError('timeout', 'The sign-in provider did not answer in time.')
const resolved = () => Promise.resolve()

function snapshot(changes: Partial<SessionSnapshot>): SessionSnapshot {
  return { ...CLEARED, lastTokens: undefined, ...changes }
}

/** The engine keeps when and how the last tokens came, after the session too. */
const lastTokens = (): SessionSnapshot['lastTokens'] => ({
  at: Date.now(),
  source: 'sign-in',
  durationMs: 0,
})

function toRejection(error: unknown): Promise<never> {
  return Promise.reject(error instanceof Error ? error : new Error(String(error)))
}

function fetchJsonOf(spec: TestSignedInSpec, scopes: string[]): SessionFeatures['fetchJson'] {
  return (url, request = {}) => {
    // The token goes only to the API origin, as in a real session (google/api-url.ts).
    try {
      checkApiUrl(url, GOOGLE_API_BASE)
    } catch (error: unknown) {
      return toRejection(error)
    }
    const { scope } = request
    if (scope !== undefined && !scopes.map(nameScope).includes(nameScope(scope))) {
      return toRejection(
        new GoogleApiError('scope_missing', 'This feature needs access that was not granted.'),
      )
    }
    const { api } = spec
    if (!api) return toRejection(new Error(`The test session has no API answer for ${url}`))
    try {
      return Promise.resolve(api(url, request)).catch(toRejection)
    } catch (error: unknown) {
      return toRejection(error)
    }
  }
}

function signedIn(
  spec: TestSignedInSpec,
  features: Partial<SessionFeatures> | undefined,
): { session: SessionDetails; features: SessionFeatures } {
  const signInScope = spec.signInScope ?? DEFAULT_SCOPE
  const scopes = spec.scopes ?? signInScope.split(' ')
  return {
    session: {
      profile: { ...TEST_CLAIMS, ...spec.claims },
      scopes,
      expiresAt: spec.expiresAt ?? Math.floor(Date.now() / 1000) + 3600,
    },
    features: {
      signInScope,
      reopened: spec.reopened,
      apiBase: GOOGLE_API_BASE,
      fetchJson: fetchJsonOf(spec, scopes),
      askForScope: resolved,
      useAnotherAccount: resolved,
      ...features,
    },
  }
}

function describeState(
  spec: TestSessionSpec,
  features: Partial<SessionFeatures> | undefined,
): Partial<AppSession> {
  switch (spec.state) {
    case 'signed-out': {
      const result = spec.signOutResult ?? { isRevoked: true }
      return result === 'none'
        ? {}
        : { keeping: snapshot({ signOutResult: result, lastTokens: lastTokens() }) }
    }
    case 'starting':
      return {
        isStarting: true,
        keeping: snapshot({ phase: spec.via === 'callback' ? 'callback' : 'restoring' }),
      }
    case 'signed-in':
      return { ...signedIn(spec, features), keeping: snapshot({ lastTokens: lastTokens() }) }
    case 'renewing':
      return {
        ...signedIn(spec, features),
        keeping: snapshot({ phase: 'renewing', lastTokens: lastTokens() }),
      }
    case 'renewal-failed':
      return {
        ...signedIn(spec, features),
        keeping: snapshot({
          phase: 'failed',
          renewalError: spec.error ?? TEST_ERROR,
          lastTokens: lastTokens(),
        }),
      }
    case 'ended':
      return {
        keeping: snapshot({ endReason: spec.reason ?? 'expired', lastTokens: lastTokens() }),
      }
    case 'error': {
      const error = spec.error ?? TEST_ERROR
      return spec.during === 'restore'
        ? { error, keeping: snapshot({ startError: error }) }
        : { error }
    }
  }
}

/**
 * A session as useSession returns it, in the state `spec` asks for, for a test to render with
 * {@link TestSessionProvider} (or to read). Nothing runs: no engine, no timer, no network. Its
 * actions do nothing and resolve; `overrides` watch or change them.
 *
 * @example
 * const signOut = vi.fn(() => Promise.resolve())
 * const session = createTestSession({ state: 'signed-in', claims: { name: 'Grace' } }, { signOut })
 * render(<TestSessionProvider session={session}><AccountMenu /></TestSessionProvider>)
 */
export function createTestSession<Spec extends TestSessionSpec>(
  spec: Spec,
  overrides: TestSessionOverrides = {},
): TestSession<Spec> {
  const { features, ...changes } = overrides
  const session: AppSession = {
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
    ...describeState(spec, features),
    ...changes,
  }
  return session as TestSession<Spec>
}
