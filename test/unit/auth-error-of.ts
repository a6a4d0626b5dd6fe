import { AuthError } from '../../packages/static-signin/src/oidc/auth-error.ts'

function asAuthError(error: unknown): AuthError {
  if (error instanceof AuthError) return error
  throw new Error(`expected an AuthError, got ${String(error)}`)
}

/** The AuthError a promise rejects with; fails the test when it resolves or rejects otherwise. */
export async function authErrorOf(promise: Promise<unknown>): Promise<AuthError> {
  return promise.then(() => {
    throw new Error('expected a rejection')
  }, asAuthError)
}

/** The AuthError a function throws; fails the test when it returns or throws otherwise. */
export function authErrorThrownBy(run: () => unknown): AuthError {
  try {
    run()
  } catch (error: unknown) {
    return asAuthError(error)
  }
  throw new Error('expected a throw')
}
