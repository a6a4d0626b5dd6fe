import { render, screen, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { SignedInView } from '../../../src/components/SignedInView.tsx'
import { describeAuthError } from '../../../src/oidc/describe-auth-error.ts'
import { AuthError } from '../../../src/oidc/auth-error.ts'
import { CLEARED } from '../../../src/session/session-snapshot.ts'
import type { SessionFeatures } from '../../../src/react/use-session.ts'

const PROBLEM = describeAuthError(
  new AuthError('userinfo_failed', 'Your profile could not be loaded.', 'HTTP 500.'),
)

/** Ada's signed-in view, quiet unless `props` say otherwise. */
function renderView(props: Partial<Parameters<typeof SignedInView>[0]> = {}) {
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
      profileProblem={undefined}
      onSignOut={vi.fn()}
      onRenewNow={vi.fn()}
      onReloadProfile={() => Promise.resolve()}
      {...props}
    />,
  )
}

describe('SignedInView', () => {
  it('announces a profile failure beside the profile, with the one Reload profile button', () => {
    renderView({ profileProblem: PROBLEM })
    const profile = screen.getByRole('region', { name: 'Ada Lovelace' })
    expect(within(profile).getByRole('status')).toHaveTextContent(
      'Your profile could not be loaded.',
    )
    expect(within(profile).getByRole('button', { name: 'Reload profile' })).toBeInTheDocument()
    expect(screen.getAllByRole('button', { name: 'Reload profile' })).toHaveLength(1)
    const session = screen.getByRole('region', { name: 'Session' })
    expect(within(session).queryByText(/profile/i)).not.toBeInTheDocument()
  })

  it.each([
    ['Google or the local provider', true],
    ['another provider, which has no Google API', false],
  ])('offers "Your next events" with %s', (_, hasApi) => {
    const features: SessionFeatures = {
      signInScope: 'openid email profile',
      reopened: undefined,
      loadNextEvents: hasApi ? () => Promise.resolve([]) : undefined,
      askForScope: () => Promise.resolve(),
      useAnotherAccount: () => Promise.resolve(),
    }
    renderView({ features })
    const card = screen.queryByRole('region', { name: 'Your next events' })
    expect(card !== null).toBe(hasApi)
    expect(screen.getByRole('button', { name: 'Use another account' })).toBeInTheDocument()
  })
})
