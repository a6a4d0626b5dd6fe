// static-signin/testing: render any component in any session state, with no provider and no
// network (signed out, starting, signed in with given claims and scopes, renewing, renewal
// failed, ended, an error). For tests only: nothing here signs anyone in.

export { TestSessionProvider, type TestSessionProviderProps } from './TestSessionProvider.tsx'
export {
  createTestSession,
  TEST_CLAIMS,
  type TestClaims,
  type TestSession,
  type TestSessionOverrides,
  type TestSessionSpec,
  type TestSignedInSpec,
  type TestSignedInState,
} from './test-session.ts'
