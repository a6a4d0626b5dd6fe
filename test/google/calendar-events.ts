/**
 * The primary calendars of the stand-in's accounts, relative to now, in the Calendar API's Event
 * shape (https://developers.google.com/workspace/calendar/api/v3/reference/events). Ada has an
 * all-day event tomorrow and two timed ones the day after; Grace has none.
 */
import { ADA } from './google-account.ts'

export const CALENDAR_TIME_ZONE = 'Europe/London'

type EventTime = { dateTime: string; timeZone: string } | { date: string }

export interface CalendarEvent {
  kind: 'calendar#event'
  etag: string
  id: string
  status: 'confirmed'
  htmlLink: string
  created: string
  updated: string
  summary: string
  creator: { email: string; self: true }
  organizer: { email: string; self: true }
  start: EventTime
  end: EventTime
  iCalUID: string
  sequence: number
  reminders: { useDefault: boolean }
  eventType: 'default'
}

/** An event and the instants the API filters (end after timeMin) and orders (start) by. */
export interface DatedEvent {
  event: CalendarEvent
  startsAt: number
  endsAt: number
}

const DAY = 86_400_000
const EDITED = '2026-01-05T09:30:12.000Z'

/** `+01:00` in summer, `+00:00` in winter: London's offset at that instant. */
function londonOffset(instant: number): string {
  const name = new Intl.DateTimeFormat('en-GB', {
    timeZone: CALENDAR_TIME_ZONE,
    timeZoneName: 'longOffset',
  })
    .formatToParts(instant)
    .find((part) => part.type === 'timeZoneName')?.value
  return /[+-]\d\d:\d\d$/.exec(name ?? '')?.[0] ?? '+00:00'
}

const offsetMinutes = (offset: string) =>
  (offset.startsWith('-') ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4)))

/** London's calendar date `days` after the date of `now`, as YYYY-MM-DD. */
function londonDate(now: number, days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: CALENDAR_TIME_ZONE }).format(now)
  return new Date(Date.parse(`${today}T12:00:00Z`) + days * DAY).toISOString().slice(0, 10)
}

/** The instant of a London wall-clock time (never near a DST change: those happen at 01:00). */
function londonInstant(date: string, time: string): { instant: number; dateTime: string } {
  const guess = Date.parse(`${date}T${time}:00Z`)
  const offset = londonOffset(guess)
  return {
    instant: guess - offsetMinutes(offset) * 60_000,
    dateTime: `${date}T${time}:00${offset}`,
  }
}

function makeEvent(
  id: string,
  summary: string,
  email: string,
  start: EventTime,
  end: EventTime,
): CalendarEvent {
  const eid = Buffer.from(`${id} ${email}`).toString('base64url')
  return {
    kind: 'calendar#event',
    etag: `"3472${id.length}0193846000"`,
    id,
    status: 'confirmed',
    htmlLink: `https://www.google.com/calendar/event?eid=${eid}`,
    created: EDITED,
    updated: EDITED,
    summary,
    creator: { email, self: true },
    organizer: { email, self: true },
    start,
    end,
    iCalUID: `${id}@google.com`,
    sequence: 0,
    reminders: { useDefault: !('date' in start) },
    eventType: 'default',
  }
}

function timed(id: string, summary: string, email: string, date: string, from: string, to: string) {
  const start = londonInstant(date, from)
  const end = londonInstant(date, to)
  return {
    event: makeEvent(
      id,
      summary,
      email,
      { dateTime: start.dateTime, timeZone: CALENDAR_TIME_ZONE },
      { dateTime: end.dateTime, timeZone: CALENDAR_TIME_ZONE },
    ),
    startsAt: start.instant,
    endsAt: end.instant,
  }
}

/** Every event of the account's primary calendar, in no particular order. */
export function eventsOf(email: string, now: number): DatedEvent[] {
  if (email !== ADA.email) return []
  const tomorrow = londonDate(now, 1)
  const dayAfter = londonDate(now, 2)
  const allDay: DatedEvent = {
    event: makeEvent(
      '2k6b1o4v8e9c0u3s5m7q1a2d4f',
      'Babbage visit',
      email,
      { date: tomorrow },
      {
        date: dayAfter,
      },
    ),
    startsAt: londonInstant(tomorrow, '00:00').instant,
    endsAt: londonInstant(dayAfter, '00:00').instant,
  }
  return [
    timed(
      '0h3j5l7n9p1r3t5v7b9d1f3h5j',
      'Notes on the Menabrea paper',
      email,
      dayAfter,
      '15:00',
      '16:30',
    ),
    allDay,
    timed(
      '6a8c0e2g4i6k8m0o2q4s6u8a0c',
      'Analytical Engine review',
      email,
      dayAfter,
      '10:00',
      '11:00',
    ),
  ]
}
