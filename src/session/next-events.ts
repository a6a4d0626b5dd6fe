import { buildNextEventsUrl, readCalendarEvents } from '../google/calendar-events.ts'
import type { CalendarEvent } from '../google/event-start.ts'
import { fetchAuthorized, type AccessTokens } from '../oidc/authorized-fetch.ts'

export interface NextEventsRequest {
  /** Google's API host, or the local provider's origin (google/api-base.ts). */
  apiBase: string
  /** The session's tokens, lent for this one call (SessionKeeper.lendAccessTokens). */
  tokens: AccessTokens
  timeoutMs: number
  signal: AbortSignal
}

/**
 * The next events of the person's primary calendar, from now: one authorized call
 * ({@link fetchAuthorized}), its answer checked for the Events list shape.
 * @throws GoogleApiError, or `superseded` when the session ended or changed account meanwhile.
 */
export async function loadNextEvents(req: NextEventsRequest): Promise<CalendarEvent[]> {
  const body = await fetchAuthorized({
    url: buildNextEventsUrl(req.apiBase, new Date()),
    tokens: req.tokens,
    timeoutMs: req.timeoutMs,
    signal: req.signal,
  })
  return readCalendarEvents(body)
}
