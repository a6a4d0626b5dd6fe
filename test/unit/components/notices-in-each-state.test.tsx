import { render, screen } from '@testing-library/react'
import { ErrorResponse } from 'oidc-client-ts'
import { describe, expect, it, vi } from 'vitest'
import { createTestSession, type TestSessionSpec } from 'static-signin/testing'
import { AuthErrorAlert } from '../../../src/components/AuthErrorAlert.tsx'
import { chooseAlert, type AppAlert } from '../../../src/components/choose-alert.ts'
import { RenewalNotice } from '../../../src/components/RenewalNotice.tsx'
import { SessionEndedNotice } from '../../../src/components/SessionEndedNotice.tsx'
import { SignOutNotice } from '../../../src/components/SignOutNotice.tsx'

// The notice above the page in each session state: chooseAlert picks it from the session, as
// App.tsx does, and the notice says it.

/** The notices App.tsx renders for an alert (its renderAlert, the ones a state can lead to). */
function Notice({ alert }: { alert: AppAlert }) {
  switch (alert.kind) {
    case 'auth-error':
      return <AuthErrorAlert description={alert.description} onRetry={vi.fn()} />
    case 'renewal-failed':
      return <RenewalNotice {...alert} onStay={vi.fn()} />
    case 'session-ended':
      return <SessionEndedNotice reason={alert.reason} />
    case 'signed-out':
      return <SignOutNotice result={alert.result} />
    default:
      return <p>No notice ({alert.kind})</p>
  }
}

function showNotice(spec: TestSessionSpec) {
  const alert = chooseAlert(createTestSession(spec))
  render(<Notice alert={alert} />)
  return alert
}

describe('the notice in each session state', () => {
  it.each<[string, TestSessionSpec, string]>([
    ['a first visit', { state: 'signed-out', signOutResult: 'none' }, 'No notice (none)'],
    [
      'after a sign-out',
      { state: 'signed-out' },
      'You are signed out of this app and its access was revoked.',
    ],
    [
      'after a sign-out the provider did not hear',
      { state: 'signed-out', signOutResult: { isRevoked: false, reason: new Error('offline') } },
      'the provider could not be reached to revoke its access',
    ],
    ['signed in', { state: 'signed-in' }, 'No notice (none)'],
    ['renewing', { state: 'renewing' }, 'No notice (none)'],
    [
      'renewal failed',
      { state: 'renewal-failed' },
      'Renewing it in the background did not work (The sign-in provider did not answer).',
    ],
    [
      'renewal failed for want of the person',
      { state: 'renewal-failed', error: new ErrorResponse({ error: 'login_required' }) },
      'The sign-in provider could not renew it in the background',
    ],
    [
      'ended',
      { state: 'ended' },
      'Your session ended because it could not be renewed in time. Sign in again to continue.',
    ],
    [
      'ended in another tab',
      { state: 'ended', reason: 'signed-out-elsewhere' },
      'You signed out in another tab, so this tab is signed out too.',
    ],
    ['an error', { state: 'error' }, 'The sign-in provider did not answer in time.'],
    [
      'a refused sign-in',
      { state: 'error', error: new ErrorResponse({ error: 'access_denied' }) },
      'Sign-in cancelled',
    ],
  ])('%s', (_, spec, text) => {
    showNotice(spec)
    expect(screen.getByText(text, { exact: false })).toBeInTheDocument()
  })

  it('a failed renewal counts down to the session’s expiry', () => {
    const expiresAt = Math.floor(Date.now() / 1000) + 125
    const alert = showNotice({ state: 'renewal-failed', expiresAt })
    expect(alert).toMatchObject({ kind: 'renewal-failed', expiresAt, isBusy: false })
    expect(screen.getByRole('status', { name: 'Session ending' })).toHaveTextContent(
      /Your session ends in 2 min/,
    )
  })
})
