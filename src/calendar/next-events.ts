import type { SessionFeatures } from 'static-signin/react'
import { CALENDAR_EVENTS_SCOPE } from 'static-signin'
import { buildNextEventsUrl, readCalendarEvents } from './calendar-events.ts'
import type { CalendarEvent } from './event-start.ts'

/**
 * The next events of the person's primary calendar, from now: one authorized call (the session's
 * `fetchJson`, which makes no request without the Calendar scope), its answer checked for the
 * Events list shape. `apiBase`: Google's API host, or the local provider's origin.
 * @throws GoogleApiError, or AuthError `superseded` when the session ended or changed account meanwhile.
 */
export async function loadNextEvents(
  apiBase: string,
  fetchJson: SessionFeatures['fetchJson'],
  signal: AbortSignal,
): Promise<CalendarEvent[]> {
  const body = await fetchJson(buildNextEventsUrl(apiBase, new Date()), {
    scope: CALENDAR_EVENTS_SCOPE,
    signal,
  })
  return readCalendarEvents(body)
}
