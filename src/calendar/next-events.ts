import type { SessionFeatures } from 'static-signin/react'
import { CALENDAR_EVENTS_SCOPE } from 'static-signin'
import { buildNextEventsUrl, readCalendarEvents } from './calendar-events.ts'
import type { CalendarEvent } from './event-start.ts'

/**
 * The next events of the person's primary calendar, from now: one authorized call (the session's
 * `fetchJson`, which makes no request without the Calendar scope), its answer checked for the
 * Events list shape.
 * @throws GoogleApiError, or AuthError `superseded` when the session ended or changed account meanwhile.
 */
export async function loadNextEvents(
  features: Pick<SessionFeatures, 'apiBase' | 'fetchJson'>,
  signal: AbortSignal,
): Promise<CalendarEvent[]> {
  const body = await features.fetchJson(buildNextEventsUrl(features.apiBase, new Date()), {
    scope: CALENDAR_EVENTS_SCOPE,
    signal,
  })
  return readCalendarEvents(body)
}
