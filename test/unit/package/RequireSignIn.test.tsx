import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { AuthError } from 'static-signin'
import { describe, expect, it, vi } from 'vitest'
import { RequireSignIn } from 'static-signin/react'
import { createTestSession, TestSessionProvider, type TestSessionSpec } from 'static-signin/testing'

// <RequireSignIn>: what needs a person shows only for one, and never a flash of the wrong view.

const Secret = () => <p>The secret page</p>

function renderGuarded(spec: TestSessionSpec) {
  render(
    <TestSessionProvider {...spec}>
      <RequireSignIn>
        <Secret />
      </RequireSignIn>
    </TestSessionProvider>,
  )
}

describe('RequireSignIn', () => {
  it.each(['restore', 'callback'] as const)(
    'while a %s is under way, says "Signing you in…" as a status: no button, no children',
    (via) => {
      renderGuarded({ state: 'starting', via })
      expect(screen.getByRole('status')).toHaveTextContent('Signing you in…')
      expect(screen.queryByRole('button')).toBeNull()
      expect(screen.queryByText('The secret page')).toBeNull()
    },
  )

  it('shows what it was given for `starting` instead', () => {
    render(
      <TestSessionProvider state="starting" via="callback">
        <RequireSignIn starting={<p>One moment</p>}>
          <Secret />
        </RequireSignIn>
      </TestSessionProvider>,
    )
    expect(screen.getByText('One moment')).toBeInTheDocument()
    expect(screen.queryByRole('status')).toBeNull()
  })

  it.each<TestSessionSpec['state']>(['signed-in', 'renewing', 'renewal-failed'])(
    '%s: shows its children',
    (state) => {
      renderGuarded({ state })
      expect(screen.getByText('The secret page')).toBeInTheDocument()
      expect(screen.queryByRole('button', { name: 'Sign in with Google' })).toBeNull()
    },
  )

  it.each<TestSessionSpec['state']>(['signed-out', 'ended'])(
    '%s: the "Sign in with Google" button, which signs in, and no alert',
    async (state) => {
      const signIn = vi.fn(() => Promise.resolve())
      render(
        <TestSessionProvider session={createTestSession({ state }, { signIn })}>
          <RequireSignIn>
            <Secret />
          </RequireSignIn>
        </TestSessionProvider>,
      )
      expect(screen.queryByText('The secret page')).toBeNull()
      expect(screen.queryByRole('alert')).toBeNull()
      await userEvent.click(screen.getByRole('button', { name: 'Sign in with Google' }))
      expect(signIn).toHaveBeenCalledOnce()
    },
  )

  it('says "Redirecting…" on a disabled button while the sign-in leaves for the provider', () => {
    render(
      <TestSessionProvider
        session={createTestSession({ state: 'signed-out' }, { isRedirecting: true })}
      >
        <RequireSignIn>
          <Secret />
        </RequireSignIn>
      </TestSessionProvider>,
    )
    expect(screen.getByRole('button', { name: 'Redirecting…' })).toBeDisabled()
  })

  it('shows a sign-in failure as text, never as HTML, above the button', () => {
    const html = '<img src=x onerror="document.title=\'pwned\'">'
    renderGuarded({ state: 'error', error: new AuthError('id_token_invalid', html) })
    const alert = screen.getByRole('alert')
    expect(alert).toHaveTextContent('Sign-in response rejected')
    expect(alert).toHaveTextContent(html)
    expect(screen.queryByRole('img')).toBeNull()
    expect(document.querySelector('img')).toBeNull() // eslint-disable-line testing-library/no-node-access
    expect(document.title).not.toBe('pwned')
    expect(screen.getByRole('button', { name: 'Sign in with Google' })).toBeEnabled()
  })

  it('renders a `signedOut` render prop with the session, and a `signedOut` node as given', () => {
    const { unmount } = render(
      <TestSessionProvider state="ended" reason="signed-out-elsewhere">
        <RequireSignIn signedOut={(s) => <p>Ended: {s.keeping.endReason}</p>}>
          <Secret />
        </RequireSignIn>
      </TestSessionProvider>,
    )
    expect(screen.getByText('Ended: signed-out-elsewhere')).toBeInTheDocument()
    expect(screen.queryByRole('button')).toBeNull()
    unmount()
    render(
      <TestSessionProvider state="signed-out">
        <RequireSignIn signedOut={<p>Please sign in</p>}>
          <Secret />
        </RequireSignIn>
      </TestSessionProvider>,
    )
    expect(screen.getByText('Please sign in')).toBeInTheDocument()
  })
})
