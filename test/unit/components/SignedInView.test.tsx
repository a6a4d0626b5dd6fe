import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { ComponentProps } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { AuthError, CALENDAR_EVENTS_SCOPE } from 'static-signin'
import { createTestSession, type TestSession } from 'static-signin/testing'
import { SignedInView } from '../../../src/components/SignedInView.tsx'
import { describeAuthError } from '../../../packages/static-signin/src/oidc/describe-auth-error.ts'

const PROBLEM = describeAuthError(
  new AuthError('userinfo_failed', 'Your profile could not be loaded.', 'HTTP 500.'),
)

type SignedIn = TestSession<{ state: 'signed-in' }>

/** The view as App.tsx renders it for a session, with the handlers App.tsx gives it. */
function renderView(s: SignedIn, props: Partial<ComponentProps<typeof SignedInView>> = {}) {
  render(
    <SignedInView
      session={s.session}
      keeping={s.keeping}
      renewalProblem={undefined}
      profileProblem={undefined}
      onSignOut={vi.fn()}
      onRenewNow={vi.fn()}
      onReloadProfile={() => Promise.resolve()}
      features={s.features}
      {...props}
    />,
  )
}

describe('SignedInView', () => {
  it('announces a profile failure beside the profile, with the one Reload profile button', () => {
    const s = createTestSession({
      state: 'signed-in',
      claims: { sub: '1', name: 'Ada Lovelace', email: 'ada.lovelace@example.com' },
      expiresAt: undefined,
    })
    renderView(s, { profileProblem: PROBLEM, features: undefined })
    const profile = screen.getByRole('region', { name: 'Ada Lovelace' })
    expect(within(profile).getByRole('status')).toHaveTextContent(
      'Your profile could not be loaded.',
    )
    expect(within(profile).getByRole('button', { name: 'Reload profile' })).toBeInTheDocument()
    expect(screen.getAllByRole('button', { name: 'Reload profile' })).toHaveLength(1)
    const session = screen.getByRole('region', { name: 'Session' })
    expect(within(session).queryByText(/profile/i)).not.toBeInTheDocument()
  })

  it('welcomes the person by name and says how the tokens came', () => {
    renderView(createTestSession({ state: 'signed-in', claims: { name: 'Grace Hopper' } }))
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Welcome, Grace Hopper')
    expect(screen.getByTestId('last-renewal')).toHaveTextContent(/by signing in$/)
    expect(screen.getByTestId('time-left')).not.toHaveTextContent('unknown')
  })

  it('while renewing, the Renew now button says so and waits', () => {
    renderView(createTestSession({ state: 'renewing' }))
    expect(screen.getByRole('button', { name: 'Renewing…' })).toBeDisabled()
  })

  it('with the calendar scope granted, shows the next events from the session’s API call', async () => {
    const api = vi.fn(() => ({
      kind: 'calendar#events',
      items: [{ id: 'a', summary: 'Babbage visit', start: { date: '2026-12-03' } }],
    }))
    renderView(
      createTestSession({
        state: 'signed-in',
        scopes: ['openid', 'email', 'profile', CALENDAR_EVENTS_SCOPE],
        api,
      }),
    )
    await userEvent.click(screen.getByRole('button', { name: 'Show your next events' }))
    expect(await screen.findByText('Babbage visit')).toBeInTheDocument()
    expect(api).toHaveBeenCalledExactlyOnceWith(
      expect.stringMatching(
        /^https:\/\/www\.googleapis\.com\/calendar\/v3\/calendars\/primary\/events\?/,
      ),
      expect.objectContaining({ scope: CALENDAR_EVENTS_SCOPE }),
    )
  })

  it('without the calendar scope, asks for it, and offers another account', async () => {
    const askForScope = vi.fn(() => Promise.resolve())
    const useAnotherAccount = vi.fn(() => Promise.resolve())
    const api = vi.fn()
    renderView(
      createTestSession(
        { state: 'signed-in', api },
        { features: { askForScope, useAnotherAccount } },
      ),
    )
    await userEvent.click(screen.getByRole('button', { name: 'Show your next events' }))
    expect(askForScope).toHaveBeenCalledExactlyOnceWith(CALENDAR_EVENTS_SCOPE, 'calendar')
    expect(api).not.toHaveBeenCalled()
    await userEvent.click(screen.getByRole('button', { name: 'Use another account' }))
    expect(useAnotherAccount).toHaveBeenCalledOnce()
  })

  it.each([
    ['Google or the local provider', 'https://www.googleapis.com'],
    ['another provider, which has no Google API', undefined],
  ])('offers "Your next events" with %s', (_, apiBase) => {
    renderView(createTestSession({ state: 'signed-in' }, { features: { apiBase } }))
    const card = screen.queryByRole('region', { name: 'Your next events' })
    expect(card !== null).toBe(apiBase !== undefined)
    expect(screen.getByRole('button', { name: 'Use another account' })).toBeInTheDocument()
  })

  it('back from Google for the calendar, shows the events at once', async () => {
    renderView(
      createTestSession({
        state: 'signed-in',
        scopes: ['openid', 'email', 'profile', CALENDAR_EVENTS_SCOPE],
        reopened: 'calendar',
        api: () => ({
          items: [{ id: 'a', summary: 'Babbage visit', start: { date: '2026-12-03' } }],
        }),
      }),
    )
    expect(await screen.findByText('Babbage visit')).toBeInTheDocument()
  })
})
