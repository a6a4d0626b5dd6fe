import { useEffect, useState } from 'react'
import { describeEventStart, type CalendarEvent } from '../calendar/event-start.ts'
import { readErrorCode } from 'static-signin'
import { StatusMessage } from './StatusMessage.tsx'
import { useNextEvents } from './use-next-events.ts'

/** Google Account → Security → "Your connections to third-party apps & services". */
export const THIRD_PARTY_CONNECTIONS_URL = 'https://myaccount.google.com/connections'

interface NextEventsCardProps {
  /** The token response granted the calendar scope (granted-scopes.ts), never assumed. */
  isGranted: boolean
  /** The person just came back from the provider for this feature: show the events at once. */
  isReopened: boolean
  load: (signal: AbortSignal) => Promise<CalendarEvent[]>
  /** Goes to the provider for the calendar scope (incremental authorization). */
  onAskForAccess: () => void
}

// Read by shape, not instanceof: google-api-error.ts belongs to the sign-in engine's chunk.
function isScopeMissing(error: unknown): boolean {
  return readErrorCode(error) === 'scope_missing'
}

/** The failure's own sentence and technical detail (GoogleApiError), as text. */
function describeFailure(error: unknown): { message: string; detail: string | undefined } {
  const { name, message, detail } = (error ?? {}) as {
    name?: unknown
    message?: unknown
    detail?: unknown
  }
  if (name !== 'GoogleApiError' || typeof message !== 'string') {
    return { message: 'Your events could not be loaded. Check your connection.', detail: undefined }
  }
  return { message, detail: typeof detail === 'string' ? detail : undefined }
}

function FailureAlert({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { message, detail } = describeFailure(error)
  return (
    <div role="alert" className="alert alert-error">
      <p className="alert-title">Your events could not be loaded</p>
      <p>{message}</p>
      {detail !== undefined && (
        <details>
          <summary>Technical details</summary>
          <p className="alert-detail">{detail}</p>
        </details>
      )}
      <button type="button" className="button" onClick={onRetry}>
        Try again
      </button>
    </div>
  )
}

function EventList({ events }: { events: CalendarEvent[] }) {
  if (events.length === 0) return <p data-testid="events-empty">No upcoming events</p>
  return (
    <ul className="events" aria-label="Your next events">
      {events.map((event) => (
        <li key={event.id}>
          <span className="event-title">{event.title}</span>{' '}
          <time
            data-testid="event-time"
            className="hint"
            dateTime={event.start.kind === 'date' ? event.start.date : event.start.at.toISOString()}
          >
            {describeEventStart(event.start)}
          </time>
        </li>
      ))}
    </ul>
  )
}

/**
 * "Your next events", from Google Calendar, read-only. Access to the calendar is asked for only
 * when the person uses this, and no API call is made without it. Everything from the API is
 * rendered as text.
 */
export function NextEventsCard({
  isGranted,
  isReopened,
  load,
  onAskForAccess,
}: NextEventsCardProps) {
  const { state, start } = useNextEvents(load)
  // Latched: the marker of the round trip may go from the session later (a profile reload
  // replaces its tokens' state), but the person still came back for this feature.
  const [wasReopened, setWasReopened] = useState(isReopened)
  if (isReopened && !wasReopened) setWasReopened(true)
  const shouldOpen = wasReopened && isGranted
  useEffect(() => {
    if (!shouldOpen) return
    const controller = start()
    return () => {
      controller.abort()
    }
  }, [shouldOpen, start])

  // Declined on the provider's screen (came back without the scope), or refused by the API.
  const needsAccess =
    (wasReopened && !isGranted) || (state.status === 'failed' && isScopeMissing(state.error))

  return (
    <section className="card" aria-labelledby="events-heading">
      <h2 id="events-heading">Your next events</h2>
      {needsAccess ? (
        <>
          <p className="needs-access">This feature needs access to your calendar.</p>
          <p className="hint">
            You did not give this site access to your calendar, so it has not read it. It asks only
            to read your events, and only when you use this.
          </p>
          <div className="actions">
            <button type="button" className="button" onClick={onAskForAccess}>
              Ask again
            </button>
          </div>
        </>
      ) : state.status === 'idle' ? (
        <>
          {!isGranted && (
            <p className="hint">
              To show them, this site needs to read your Google Calendar events. Google will ask you
              first; you can say no.
            </p>
          )}
          <div className="actions">
            <button
              type="button"
              className="button"
              onClick={isGranted ? () => void start() : onAskForAccess}
            >
              Show your next events
            </button>
          </div>
        </>
      ) : state.status === 'loading' ? (
        <StatusMessage>Loading your events…</StatusMessage>
      ) : state.status === 'loaded' ? (
        <EventList events={state.events} />
      ) : (
        <FailureAlert error={state.error} onRetry={() => void start()} />
      )}
      {(isGranted || needsAccess) && (
        <p className="hint">
          To take back access, remove this site on your Google Account’s{' '}
          <a href={THIRD_PARTY_CONNECTIONS_URL} target="_blank" rel="noreferrer">
            third-party connections page
          </a>
          . Google then removes everything you gave it at once, sign-in included: you will be asked
          again next time.
        </p>
      )}
    </section>
  )
}
