import { AuthError, readErrorCode } from '../oidc/auth-error.ts'

/** The refusal of a result that belongs to a session that has ended meanwhile (a sign-out won). */
export const createSupersededError = () =>
  new AuthError('superseded', 'You signed out while this was in progress.')

export const isSuperseded = (error: unknown) => readErrorCode(error) === 'superseded'
