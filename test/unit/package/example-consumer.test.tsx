// A consumer's component, written against the package's public entries only, tested in three
// session states with static-signin/testing, as a consumer's Vite + Vitest app would. The README's
// own example test ("Test your components") runs verbatim in the consumer harness
// (test/consumer/prepare-consumer.ts), against the packed tarball.
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { RequireSignIn, useSession } from 'static-signin/react'
import { createTestSession, TestSessionProvider } from 'static-signin/testing'

// In your app: src/AccountMenu.tsx
function AccountMenu() {
  const { session, signOut } = useSession()
  return (
    <RequireSignIn>
      <p>Signed in as {session?.profile.name}</p>
      <button type="button" onClick={() => void signOut()}>
        Sign out
      </button>
    </RequireSignIn>
  )
}

// In your tests: src/AccountMenu.test.tsx
describe('AccountMenu', () => {
  it('greets the person signed in', () => {
    render(
      <TestSessionProvider state="signed-in" claims={{ name: 'Grace Hopper' }}>
        <AccountMenu />
      </TestSessionProvider>,
    )
    expect(screen.getByText('Signed in as Grace Hopper')).toBeInTheDocument()
  })

  it('offers to sign in when nobody is', () => {
    render(
      <TestSessionProvider state="signed-out">
        <AccountMenu />
      </TestSessionProvider>,
    )
    expect(screen.getByRole('button', { name: 'Sign in with Google' })).toBeInTheDocument()
  })

  it('signs out', async () => {
    const signOut = vi.fn(() => Promise.resolve())
    render(
      <TestSessionProvider session={createTestSession({ state: 'signed-in' }, { signOut })}>
        <AccountMenu />
      </TestSessionProvider>,
    )
    await userEvent.click(screen.getByRole('button', { name: 'Sign out' }))
    expect(signOut).toHaveBeenCalledOnce()
  })
})
