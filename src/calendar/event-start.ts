// Types and formatting only: the signed-in views import this, the sign-in engine the rest of
// calendar-events.ts. A module both chunks imported would become a third chunk, and its preload
// list would grow the initial bundle.

/** When an event starts: a day (all-day events have `date`) or a moment (`dateTime`). */
export type EventStart = { kind: 'date'; date: string } | { kind: 'time'; at: Date }

export interface CalendarEvent {
  id: string
  title: string
  start: EventStart
}

/** An event's start as a person reads it: an all-day event's date only, a timed one's date and time. */
export function describeEventStart(start: EventStart, locale?: string): string {
  if (start.kind === 'date') {
    // A calendar date, not a moment: formatted in UTC so no time zone moves it to another day.
    return new Date(`${start.date}T00:00:00Z`).toLocaleDateString(locale, {
      timeZone: 'UTC',
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
    })
  }
  return start.at.toLocaleString(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  })
}
