import { useCallback, useEffect, useRef, useState } from 'react'
import type { CalendarEvent } from '../calendar/event-start.ts'

/** What the "Your next events" card shows; `failed` keeps the error for its text. */
export type NextEventsState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'loaded'; events: CalendarEvent[] }
  | { status: 'failed'; error: unknown }

/**
 * Loads the next events on demand. They live in this component's state only: gone when it
 * unmounts (sign-out, another account: the card is keyed by the account). A load still running
 * then is aborted, and a late answer can never be written: each load has its own AbortController,
 * and only the current one's answer is kept.
 */
export function useNextEvents(load: (signal: AbortSignal) => Promise<CalendarEvent[]>) {
  const [state, setState] = useState<NextEventsState>({ status: 'idle' })
  const current = useRef<AbortController | undefined>(undefined)
  // The latest loader, so that `start` stays the same function across renders (the page
  // re-renders every second) and an effect that starts a load runs once.
  const latestLoad = useRef(load)
  useEffect(() => {
    latestLoad.current = load
  })

  useEffect(
    () => () => {
      current.current?.abort()
    },
    [],
  )

  /** Starts a load (ending any other); returns its controller, for an effect's clean-up. */
  const start = useCallback((): AbortController => {
    current.current?.abort()
    const controller = new AbortController()
    current.current = controller
    setState({ status: 'loading' })
    latestLoad.current(controller.signal).then(
      (events) => {
        if (current.current === controller && !controller.signal.aborted) {
          setState({ status: 'loaded', events })
        }
      },
      (error: unknown) => {
        if (current.current === controller && !controller.signal.aborted) {
          setState({ status: 'failed', error })
        }
      },
    )
    return controller
  }, [])

  return { state, start }
}
