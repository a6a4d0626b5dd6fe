import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { RequireSignIn } from 'static-signin/react'
import { createTestSession, TestSessionProvider } from 'static-signin/testing'
import { afterEach, expect, test, vi } from 'vitest'
import { Profile } from './Profile.tsx'

afterEach(cleanup)

test('shows who is signed in', () => {
  render(
    <TestSessionProvider state="signed-in" claims={{ email: 'grace@example.com' }}>
      <Profile />
    </TestSessionProvider>,
  )
  expect(screen.getByText('Signed in as grace@example.com')).toBeTruthy()
})

test('"Renew now" and "Sign out" reach the session', () => {
  const renewNow = vi.fn(() => Promise.resolve())
  const signOut = vi.fn(() => Promise.resolve())
  const session = createTestSession({ state: 'signed-in' }, { renewNow, signOut })
  render(
    <TestSessionProvider session={session}>
      <Profile />
    </TestSessionProvider>,
  )
  fireEvent.click(screen.getByRole('button', { name: 'Renew now' }))
  fireEvent.click(screen.getByRole('button', { name: 'Sign out' }))
  expect(renewNow).toHaveBeenCalledOnce()
  expect(signOut).toHaveBeenCalledOnce()
})

test('asks a signed-out person to sign in', () => {
  render(
    <TestSessionProvider state="signed-out">
      <RequireSignIn>
        <Profile />
      </RequireSignIn>
    </TestSessionProvider>,
  )
  expect(screen.getByRole('button', { name: 'Sign in with Google' })).toBeTruthy()
  expect(screen.queryByText(/Signed in as/)).toBeNull()
})
