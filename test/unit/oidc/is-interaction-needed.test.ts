import { ErrorResponse, ErrorTimeout } from 'oidc-client-ts'
import { describe, expect, it } from 'vitest'
import { isInteractionNeeded } from '../../../packages/static-signin/src/oidc/is-interaction-needed.ts'

describe('isInteractionNeeded', () => {
  it.each<[unknown, boolean]>([
    [new ErrorResponse({ error: 'login_required' }), true],
    [new ErrorResponse({ error: 'interaction_required' }), true],
    [new ErrorResponse({ error: 'consent_required' }), true],
    [new ErrorResponse({ error: 'account_selection_required' }), true],
    [new ErrorResponse({ error: 'access_denied' }), false],
    [new ErrorTimeout('IFrame timed out without a response'), false],
    [new TypeError('Failed to fetch'), false],
    [undefined, false],
    ['login_required', false],
  ])('%s → %s', (error, result) => {
    expect(isInteractionNeeded(error)).toBe(result)
  })
})
