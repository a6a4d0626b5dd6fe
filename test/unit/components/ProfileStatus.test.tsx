import { act, fireEvent, render, screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { ProfileStatus } from '../../../src/components/ProfileStatus.tsx'
import { describeAuthError } from '../../../packages/static-signin/src/oidc/describe-auth-error.ts'
import { AuthError } from '../../../packages/static-signin/src/oidc/auth-error.ts'

const USERINFO_500 = describeAuthError(
  new AuthError(
    'userinfo_failed',
    'Your profile could not be loaded.',
    'The userinfo endpoint answered HTTP 500.',
  ),
)
const TIMEOUT = describeAuthError(
  new AuthError('timeout', 'The provider did not answer in time.', 'No userinfo response.'),
)

/** A reload the test settles itself. */
function holdReload() {
  let settle: () => void = () => undefined
  const onReloadProfile = vi.fn(
    () =>
      new Promise<void>((resolve) => {
        settle = resolve
      }),
  )
  // Async act: the component hears of the end in a microtask after the promise settles.
  return {
    onReloadProfile,
    settle: () =>
      act(async () => {
        settle()
        await Promise.resolve()
      }),
  }
}

describe('ProfileStatus', () => {
  it('is a status in the page, empty, while the profile is fine', () => {
    render(<ProfileStatus problem={undefined} onReloadProfile={() => Promise.resolve()} />)
    expect(screen.getByRole('status')).toHaveTextContent(/^$/)
    expect(screen.getByRole('button', { name: 'Reload profile' })).toBeInTheDocument()
  })

  it('announces a failure in the same status element that was there before', () => {
    const onReloadProfile = () => Promise.resolve()
    const { rerender } = render(
      <ProfileStatus problem={undefined} onReloadProfile={onReloadProfile} />,
    )
    const before = screen.getByRole('status')
    rerender(<ProfileStatus problem={USERINFO_500} onReloadProfile={onReloadProfile} />)
    const status = screen.getByRole('status')
    expect(status).toBe(before) // a live region that arrives with its text is not read
    expect(status).toHaveTextContent(
      'Your profile could not be loaded. You are still signed in. Shown: the details from your sign-in.',
    )
    expect(screen.getByText('The userinfo endpoint answered HTTP 500.')).toBeInTheDocument()
  })

  it('says the message once when it repeats the title, both when they differ', () => {
    const { rerender } = render(
      <ProfileStatus problem={USERINFO_500} onReloadProfile={() => Promise.resolve()} />,
    )
    expect(screen.getByRole('status').textContent.match(/could not be loaded/g)).toHaveLength(1)
    rerender(<ProfileStatus problem={TIMEOUT} onReloadProfile={() => Promise.resolve()} />)
    expect(screen.getByRole('status')).toHaveTextContent(
      'The sign-in provider did not answer. The provider did not answer in time.',
    )
  })

  it('says a reload is running, keeps the button focusable, and runs one reload at a time', async () => {
    const { onReloadProfile, settle } = holdReload()
    const { rerender } = render(
      <ProfileStatus problem={USERINFO_500} onReloadProfile={onReloadProfile} />,
    )
    const button = screen.getByRole('button', { name: 'Reload profile' })
    button.focus()
    fireEvent.click(button)
    expect(screen.getByRole('status')).toHaveTextContent('Loading your profile…')
    expect(button).toHaveAttribute('aria-disabled', 'true')
    expect(button).toHaveFocus()
    fireEvent.click(button)
    expect(onReloadProfile).toHaveBeenCalledTimes(1)

    // The reload worked: the session clears its problem, and the message goes away.
    rerender(<ProfileStatus problem={undefined} onReloadProfile={onReloadProfile} />)
    await settle()
    expect(screen.getByRole('status')).toHaveTextContent(/^$/)
    expect(button).toHaveAttribute('aria-disabled', 'false')
  })

  it('announces the failure again when the reload fails again', async () => {
    const { onReloadProfile, settle } = holdReload()
    render(<ProfileStatus problem={USERINFO_500} onReloadProfile={onReloadProfile} />)
    fireEvent.click(screen.getByRole('button', { name: 'Reload profile' }))
    expect(screen.getByRole('status')).not.toHaveTextContent('could not be loaded')
    await settle()
    expect(screen.getByRole('status')).toHaveTextContent('Your profile could not be loaded.')
  })
})
