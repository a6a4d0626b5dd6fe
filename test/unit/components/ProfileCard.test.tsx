import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { createTestSession, type TestClaims } from 'static-signin/testing'
import { ProfileCard } from '../../../src/components/ProfileCard.tsx'

const ADA: TestClaims = {
  sub: '110248495921238986420',
  name: 'Ada Lovelace',
  email: 'ada.lovelace@example.com',
  emailVerified: true,
}
const WITHOUT_EMAIL: TestClaims = { ...ADA, email: undefined, emailVerified: undefined }

/** The card for a session signed in as `claims` with `scopes` granted. */
function renderCard(claims: TestClaims, scopes: string[]) {
  const { session } = createTestSession({ state: 'signed-in', claims, scopes })
  render(
    <ProfileCard
      profile={session.profile}
      scopes={session.scopes}
      expiresAt={undefined}
      now={0}
      profileProblem={undefined}
      onReloadProfile={() => Promise.resolve()}
    />,
  )
}

describe('ProfileCard, the email', () => {
  it('shows the email with its verification', () => {
    renderCard(ADA, ['openid', 'email', 'profile'])
    expect(screen.getByTestId('email')).toHaveTextContent('ada.lovelace@example.com')
    expect(screen.getByText('verified')).toBeInTheDocument()
  })

  it.each([
    ['the short form', ['openid', 'email', 'profile']],
    [
      "Google's long form",
      [
        'https://www.googleapis.com/auth/userinfo.profile',
        'https://www.googleapis.com/auth/userinfo.email',
        'openid',
      ],
    ],
  ])('with the email scope granted (%s) but no email known: "not loaded yet"', (_, scopes) => {
    renderCard(WITHOUT_EMAIL, scopes)
    expect(screen.getByTestId('email')).toHaveTextContent('not loaded yet')
    expect(screen.queryByText(/not shared\b/)).not.toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Reload profile' })).toBeInTheDocument()
  })

  it.each([
    ['the short form', ['openid', 'profile']],
    ["Google's long form", ['openid', 'https://www.googleapis.com/auth/userinfo.profile']],
  ])('with the email scope not granted (%s): "not shared"', (_, scopes) => {
    renderCard(WITHOUT_EMAIL, scopes)
    expect(screen.getByTestId('email')).toHaveTextContent('not shared')
    expect(screen.queryByText('verification unknown')).not.toBeInTheDocument()
  })
})
