import { buildNextEventsUrl, readCalendarEvents } from '../google/calendar-events.ts'
import type { CalendarEvent } from '../google/event-start.ts'
import { CALENDAR_EVENTS_SCOPE } from '../google/scopes.ts'
import { fetchAuthorized, type AccessTokens } from '../oidc/authorized-fetch.ts'
import type { TokenNeed } from './api-tokens.ts'

export interface NextEventsRequest {
  /** Google's API host, or the local provider's origin (google/api-base.ts). */
  apiBase: string
  /** The account whose events are shown: the call ends if the session holds another. */
  sub: string
  /** Lends the session's token for this one call (SessionKeeper.lendAccessTokens). */
  lendTokens: (need: TokenNeed) => AccessTokens
  timeoutMs: number
  signal: AbortSignal
}

/**
 * The next events of the person's primary calendar, from now: one authorized call
 * ({@link fetchAuthorized}) with a token that grants the Calendar scope (never sent without it),
 * its answer checked for the Events list shape.
 * @throws GoogleApiError (`scope_missing` when the session's grant lacks the scope), or
 *   `superseded` when the session ended or changed account meanwhile.
 */
export async function loadNextEvents(req: NextEventsRequest): Promise<CalendarEvent[]> {
  const body = await fetchAuthorized({
    url: buildNextEventsUrl(req.apiBase, new Date()),
    tokens: req.lendTokens({ scope: CALENDAR_EVENTS_SCOPE, sub: req.sub }),
    timeoutMs: req.timeoutMs,
    signal: req.signal,
  })
  return readCalendarEvents(body)
}
