import { describe, expect, it } from 'vitest'
import { describeGoogleApiError } from '../../../packages/static-signin/src/google/google-api-error.ts'
import { CALENDAR_ERRORS } from '../../google/wire-format.ts'

// Google's answers, as the stand-in sends them (sourced in docs/google-wire-format.md).
const { unauthenticated: UNAUTHENTICATED, insufficientScope: INSUFFICIENT } = CALENDAR_ERRORS

describe('describeGoogleApiError', () => {
  it.each([
    ['403 insufficientPermissions', 403, INSUFFICIENT, 'scope_missing'],
    [
      '403 with only the ErrorInfo reason',
      403,
      { error: { code: 403, details: [{ reason: 'ACCESS_TOKEN_SCOPE_INSUFFICIENT' }] } },
      'scope_missing',
    ],
    [
      '403 for another reason (quota, API disabled)',
      403,
      { error: { code: 403, errors: [{ reason: 'accessNotConfigured' }] } },
      'api_error',
    ],
    ['401 UNAUTHENTICATED', 401, UNAUTHENTICATED, 'unauthorized'],
    ['500 with an HTML body', 500, undefined, 'api_error'],
    ['404 of another shape', 404, { error: 'not_found' }, 'api_error'],
  ])('types %s', (_, status, body, code) => {
    expect(describeGoogleApiError(status, body).code).toBe(code)
  })

  it('puts Google’s status, reasons and message in the detail, as text', () => {
    const error = describeGoogleApiError(403, INSUFFICIENT)
    expect(error.detail).toBe(
      'HTTP 403 · PERMISSION_DENIED · insufficientPermissions, ACCESS_TOKEN_SCOPE_INSUFFICIENT · Request had insufficient authentication scopes.',
    )
    expect(error.httpStatus).toBe(403)
    expect(error.name).toBe('GoogleApiError')
  })
})
