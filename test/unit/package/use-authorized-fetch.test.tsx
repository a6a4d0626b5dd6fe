import { render, renderHook, screen } from '@testing-library/react'
import { useEffect, useState } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { AuthError, CALENDAR_EVENTS_SCOPE } from 'static-signin'
import { useAuthorizedFetch, useSession } from 'static-signin/react'
import {
  createTestSession,
  TestSessionProvider,
  type TestSession,
  type TestSessionSpec,
} from 'static-signin/testing'

// useAuthorizedFetch: a stable function that calls the session's fetchJson, or refuses to.

function renderFetch(session: TestSession) {
  return renderHook(() => useAuthorizedFetch(), {
    initialProps: session,
    wrapper: ({ children }) => (
      <TestSessionProvider session={session}>{children}</TestSessionProvider>
    ),
  })
}

describe('useAuthorizedFetch', () => {
  it.each<TestSessionSpec>([
    { state: 'signed-out' },
    { state: 'starting' },
    { state: 'ended' },
    { state: 'error' },
  ])('with nobody signed in ($state), rejects with AuthError no_session', async (spec) => {
    const { result } = renderFetch(createTestSession(spec))
    const call = result.current('https://www.googleapis.com/anything')
    await expect(call).rejects.toBeInstanceOf(AuthError)
    await expect(call).rejects.toMatchObject({ code: 'no_session' })
  })

  it('signed in, calls fetchJson with the url, the scope and the signal, and returns its body', async () => {
    const fetchJson = vi.fn(() => Promise.resolve({ items: [] }))
    const session = createTestSession({ state: 'signed-in' }, { features: { fetchJson } })
    const { result } = renderFetch(session)
    const signal = new AbortController().signal
    const url = 'https://www.googleapis.com/calendar/v3/calendars/primary/events'
    await expect(result.current(url, { scope: CALENDAR_EVENTS_SCOPE, signal })).resolves.toEqual({
      items: [],
    })
    expect(fetchJson).toHaveBeenCalledExactlyOnceWith(url, { scope: CALENDAR_EVENTS_SCOPE, signal })
  })

  it('is the same function across renders, and calls the session of the latest one', async () => {
    const first = vi.fn(() => Promise.resolve('first'))
    const second = vi.fn(() => Promise.resolve('second'))
    let session: TestSession = createTestSession(
      { state: 'signed-in' },
      { features: { fetchJson: first } },
    )
    const { result, rerender } = renderHook(() => useAuthorizedFetch(), {
      wrapper: ({ children }) => (
        <TestSessionProvider session={session}>{children}</TestSessionProvider>
      ),
    })
    const before = result.current
    session = createTestSession({ state: 'signed-in' }, { features: { fetchJson: second } })
    rerender()
    expect(result.current).toBe(before)
    await expect(before('https://api.example/x')).resolves.toBe('second')
    session = createTestSession({ state: 'signed-out' })
    rerender()
    await expect(before('https://api.example/x')).rejects.toMatchObject({ code: 'no_session' })
    expect(first).not.toHaveBeenCalled()
  })

  it('a child that calls it from its own effect, on the render where the session arrives, is already signed in', async () => {
    const fetchJson = vi.fn(() => Promise.resolve('events'))
    function Events({ fetchApi }: { fetchApi: ReturnType<typeof useAuthorizedFetch> }) {
      const [text, setText] = useState('loading')
      useEffect(() => {
        fetchApi('https://www.googleapis.com/x').then(
          (body) => {
            setText(String(body))
          },
          (error: unknown) => {
            setText(`failed: ${String(error)}`)
          },
        )
      }, [fetchApi])
      return <p>{text}</p>
    }
    // The hook in the parent, the call in the child's effect: child effects run first.
    function Account() {
      const fetchApi = useAuthorizedFetch()
      const { session } = useSession()
      return session ? <Events fetchApi={fetchApi} /> : null
    }
    function Page({ session }: { session: TestSession }) {
      return (
        <TestSessionProvider session={session}>
          <Account />
        </TestSessionProvider>
      )
    }
    const { rerender } = render(<Page session={createTestSession({ state: 'starting' })} />)
    rerender(
      <Page session={createTestSession({ state: 'signed-in' }, { features: { fetchJson } })} />,
    )
    expect(await screen.findByText('events')).toBeInTheDocument()
    expect(fetchJson).toHaveBeenCalledOnce()
  })
})
