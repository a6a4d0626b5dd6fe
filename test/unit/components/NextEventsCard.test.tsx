import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { StrictMode } from 'react'
import { describe, expect, it, vi } from 'vitest'
import {
  NextEventsCard,
  THIRD_PARTY_CONNECTIONS_URL,
} from '../../../src/components/NextEventsCard.tsx'
import type { CalendarEvent } from '../../../src/calendar/event-start.ts'
import { GoogleApiError } from '../../../packages/static-signin/src/google/google-api-error.ts'
import { fetchAuthorized } from '../../../packages/static-signin/src/oidc/authorized-fetch.ts'

const EVENTS: CalendarEvent[] = [
  { id: '1', title: 'Babbage visit', start: { kind: 'date', date: '2026-12-03' } },
  {
    id: '2',
    title: 'Analytical Engine review',
    start: { kind: 'time', at: new Date('2026-12-03T14:00:00Z') },
  },
]

function renderCard(props: Partial<Parameters<typeof NextEventsCard>[0]> = {}) {
  const load = vi.fn<(signal: AbortSignal) => Promise<CalendarEvent[]>>(() =>
    Promise.resolve(EVENTS),
  )
  const onAskForAccess = vi.fn()
  render(
    <StrictMode>
      <NextEventsCard
        isGranted
        isReopened={false}
        load={load}
        onAskForAccess={onAskForAccess}
        {...props}
      />
    </StrictMode>,
  )
  return { load: (props.load as typeof load | undefined) ?? load, onAskForAccess }
}
const card = () => screen.getByRole('region', { name: 'Your next events' })
const showButton = () => within(card()).getByRole('button', { name: 'Show your next events' })

describe('NextEventsCard', () => {
  it('without the calendar scope explains, calls nothing, and asks Google when the person clicks', async () => {
    const { load, onAskForAccess } = renderCard({ isGranted: false })
    expect(card()).toHaveTextContent(/needs to read your Google Calendar events/)
    await userEvent.click(showButton())
    expect(onAskForAccess).toHaveBeenCalledOnce()
    expect(load).not.toHaveBeenCalled()
  })

  it('with the scope shows each event’s title and time, an all-day event with its date only', async () => {
    const { load } = renderCard()
    expect(load).not.toHaveBeenCalled() // only when the person asks
    await userEvent.click(showButton())
    const list = await within(card()).findByRole('list', { name: 'Your next events' })
    const items = within(list).getAllByRole('listitem')
    expect(items).toHaveLength(2)
    expect(items[0]).toHaveTextContent(/^Babbage visit/)
    expect(items[1]).toHaveTextContent(/^Analytical Engine review/)
    const [allDay, timed] = within(list).getAllByTestId('event-time')
    expect(allDay).toHaveAttribute('datetime', '2026-12-03')
    expect(allDay?.textContent).not.toMatch(/\d:\d/)
    expect(timed?.textContent).toMatch(/\d:\d\d/)
    expect(load).toHaveBeenCalledOnce()
  })

  it('says "No upcoming events" for an empty calendar', async () => {
    renderCard({ load: () => Promise.resolve([]) })
    await userEvent.click(showButton())
    expect(await within(card()).findByText('No upcoming events')).toBeInTheDocument()
  })

  it('back from Google with the scope, shows the events at once; StrictMode’s trial unmount aborts its load', async () => {
    const { load } = renderCard({ isReopened: true })
    expect(await within(card()).findByText('Babbage visit')).toBeInTheDocument()
    const signals = load.mock.calls.map(([signal]) => signal.aborted)
    expect(signals).toEqual([true, false]) // StrictMode mounts twice in development; one load stays
  })

  it('back from Google without the scope (unticked), says the feature needs it and offers to ask again', async () => {
    const { load, onAskForAccess } = renderCard({ isGranted: false, isReopened: true })
    expect(card()).toHaveTextContent('This feature needs access to your calendar.')
    expect(load).not.toHaveBeenCalled()
    await userEvent.click(within(card()).getByRole('button', { name: 'Ask again' }))
    expect(onAskForAccess).toHaveBeenCalledOnce()
    expect(
      within(card()).getByRole('link', { name: /third-party connections page/ }),
    ).toHaveAttribute('href', THIRD_PARTY_CONNECTIONS_URL)
    expect(card()).toHaveTextContent(/removes everything you gave it at once/)
  })

  it('a 403 for insufficient scopes leads to the same offer', async () => {
    renderCard({
      load: () =>
        Promise.reject(
          new GoogleApiError('scope_missing', 'This feature needs access that was not granted.'),
        ),
    })
    await userEvent.click(showButton())
    expect(await within(card()).findByRole('button', { name: 'Ask again' })).toBeInTheDocument()
    expect(card()).toHaveTextContent('This feature needs access to your calendar.')
  })

  it('shows any other failure as text, with a retry that loads again', async () => {
    const html = '<img src=x onerror="document.title=\'pwned\'">'
    const load = vi
      .fn<(signal: AbortSignal) => Promise<CalendarEvent[]>>()
      .mockRejectedValueOnce(
        new GoogleApiError('bad_response', 'Google’s answer could not be read.', html),
      )
      .mockResolvedValueOnce(EVENTS)
    renderCard({ load })
    await userEvent.click(showButton())
    const alert = await within(card()).findByRole('alert')
    expect(alert).toHaveTextContent('Google’s answer could not be read.')
    expect(alert).toHaveTextContent(html) // shown as text
    expect(within(alert).queryByRole('img')).not.toBeInTheDocument() // never as HTML
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }))
    expect(await within(card()).findByText('Babbage visit')).toBeInTheDocument()
  })

  it('Google’s error message in HTML, through the authorized fetch, is shown as text and creates no element', async () => {
    const html = '<img src=x onerror="document.title=\'pwned\'"><b>bold</b>'
    vi.stubGlobal('fetch', () =>
      Promise.resolve(Response.json({ error: { code: 500, message: html } }, { status: 500 })),
    )
    const tokens = { read: () => Promise.resolve('at-1'), renew: () => Promise.resolve('at-2') }
    renderCard({
      load: async () => {
        await fetchAuthorized({ url: 'https://api.example/x', tokens, timeoutMs: 1000 })
        return []
      },
    })
    await userEvent.click(showButton())
    const alert = await within(card()).findByRole('alert')
    expect(alert).toHaveTextContent(html)
    expect(within(alert).queryByRole('img')).toBeNull()
    expect(within(alert).queryByText('bold')).toBeNull() // no <b> element of its own
  })

  it('a renewal that failed says the session needs renewing, not the connection', async () => {
    renderCard({
      load: () =>
        Promise.reject(
          new GoogleApiError(
            'renewal_failed',
            'Your session needs to be renewed, and renewing it did not work. Use Renew now, or sign in again.',
          ),
        ),
    })
    await userEvent.click(showButton())
    const alert = await within(card()).findByRole('alert')
    expect(alert).toHaveTextContent(/session needs to be renewed/)
    expect(alert).not.toHaveTextContent(/connection/)
  })

  it('keeps the feature open when the round trip’s marker leaves the session (a profile reload)', async () => {
    let resolve: (events: CalendarEvent[]) => void = () => undefined
    const load = vi.fn(() => new Promise<CalendarEvent[]>((r) => (resolve = r)))
    const props = { isGranted: true, load, onAskForAccess: vi.fn() }
    const { rerender } = render(<NextEventsCard {...props} isReopened />)
    rerender(<NextEventsCard {...props} isReopened={false} />)
    resolve(EVENTS)
    expect(await within(card()).findByText('Babbage visit')).toBeInTheDocument()
    expect(load).toHaveBeenCalledOnce()
  })

  it('keeps saying it needs the access after the marker leaves the session', () => {
    const props = { isGranted: false, load: vi.fn(), onAskForAccess: vi.fn() }
    const { rerender } = render(<NextEventsCard {...props} isReopened />)
    rerender(<NextEventsCard {...props} isReopened={false} />)
    expect(card()).toHaveTextContent('This feature needs access to your calendar.')
  })

  it('aborts a load still running when it goes away (sign-out, another account)', async () => {
    let signal: AbortSignal | undefined
    const { unmount } = render(
      <NextEventsCard
        isGranted
        isReopened
        load={(s) => {
          signal = s
          return new Promise(() => undefined)
        }}
        onAskForAccess={vi.fn()}
      />,
    )
    await vi.waitFor(() => {
      expect(signal).toBeDefined()
    })
    unmount()
    expect(signal?.aborted).toBe(true)
  })
})
