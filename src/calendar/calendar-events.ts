import { GoogleApiError } from 'static-signin'
import type { CalendarEvent, EventStart } from './event-start.ts'

/** How many of the next events the feature shows. */
export const NEXT_EVENTS_COUNT = 5

/**
 * The Events: list request for the next events of the primary calendar
 * (https://developers.google.com/workspace/calendar/api/v3/reference/events/list): recurring events
 * expanded (`singleEvents`), so they can be ordered by start time, from now on.
 */
export function buildNextEventsUrl(apiBase: string, now: Date): string {
  const url = new URL('/calendar/v3/calendars/primary/events', apiBase)
  url.searchParams.set('timeMin', now.toISOString())
  url.searchParams.set('singleEvents', 'true')
  url.searchParams.set('orderBy', 'startTime')
  url.searchParams.set('maxResults', String(NEXT_EVENTS_COUNT))
  return url.href
}

function wrongShape(detail: string): never {
  throw new GoogleApiError('bad_response', 'Google’s answer could not be read.', detail)
}

const DATE = /^\d{4}-\d{2}-\d{2}$/

function readStart(value: unknown, index: number): EventStart {
  const start = value as { date?: unknown; dateTime?: unknown } | null
  if (typeof start?.date === 'string' && DATE.test(start.date)) {
    return { kind: 'date', date: start.date }
  }
  if (typeof start?.dateTime === 'string') {
    const at = new Date(start.dateTime)
    if (!Number.isNaN(at.getTime())) return { kind: 'time', at }
  }
  return wrongShape(`Event ${String(index + 1)} has no start date or time.`)
}

/**
 * Reads an Events: list answer into events; anything not of that shape is `bad_response`.
 * An event without a title is shown as Google Calendar shows it, "(No title)".
 */
export function readCalendarEvents(body: unknown): CalendarEvent[] {
  const items = (body as { items?: unknown } | null)?.items
  if (typeof body !== 'object' || body === null || !Array.isArray(items)) {
    wrongShape('The answer has no list of events (items).')
  }
  return items.slice(0, NEXT_EVENTS_COUNT).map((item: unknown, index) => {
    if (typeof item !== 'object' || item === null)
      wrongShape(`Event ${String(index + 1)} is not an object.`)
    const { id, summary, start } = item as Record<string, unknown>
    return {
      id: typeof id === 'string' ? id : String(index),
      title: typeof summary === 'string' && summary.trim() !== '' ? summary : '(No title)',
      start: readStart(start, index),
    }
  })
}
