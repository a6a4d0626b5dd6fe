import { render, screen, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { SignedInView } from '../../../src/components/SignedInView.tsx'
import { describeAuthError } from '../../../packages/static-signin/src/oidc/describe-auth-error.ts'
import { AuthError } from '../../../packages/static-signin/src/oidc/auth-error.ts'
import { CLEARED } from '../../../packages/static-signin/src/session/session-snapshot.ts'

const PROBLEM = describeAuthError(
  new AuthError('userinfo_failed', 'Your profile could not be loaded.', 'HTTP 500.'),
)

describe('SignedInView', () => {
  it('announces a profile failure beside the profile, with the one Reload profile button', () => {
    render(
      <SignedInView
        session={{
          profile: {
            sub: '1',
            name: 'Ada Lovelace',
            email: 'ada.lovelace@example.com',
            emailVerified: true,
            pictureUrl: undefined,
            hostedDomain: undefined,
          },
          scopes: ['openid', 'email', 'profile'],
          expiresAt: undefined,
        }}
        keeping={{ ...CLEARED, lastTokens: undefined }}
        renewalProblem={undefined}
        profileProblem={PROBLEM}
        onSignOut={vi.fn()}
        onRenewNow={vi.fn()}
        onReloadProfile={() => Promise.resolve()}
      />,
    )
    const profile = screen.getByRole('region', { name: 'Ada Lovelace' })
    expect(within(profile).getByRole('status')).toHaveTextContent(
      'Your profile could not be loaded.',
    )
    expect(within(profile).getByRole('button', { name: 'Reload profile' })).toBeInTheDocument()
    expect(screen.getAllByRole('button', { name: 'Reload profile' })).toHaveLength(1)
    const session = screen.getByRole('region', { name: 'Session' })
    expect(within(session).queryByText(/profile/i)).not.toBeInTheDocument()
  })
})
