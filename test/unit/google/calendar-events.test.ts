import { describe, expect, it } from 'vitest'
import { buildNextEventsUrl, readCalendarEvents } from '../../../src/calendar/calendar-events.ts'
import { describeEventStart } from '../../../src/calendar/event-start.ts'

describe('buildNextEventsUrl', () => {
  it('asks for the next five single events of the primary calendar, from now, by start time', () => {
    const url = new URL(
      buildNextEventsUrl('https://www.googleapis.com', new Date('2026-12-02T10:00:00Z')),
    )
    expect(url.origin + url.pathname).toBe(
      'https://www.googleapis.com/calendar/v3/calendars/primary/events',
    )
    expect(Object.fromEntries(url.searchParams)).toEqual({
      timeMin: '2026-12-02T10:00:00.000Z',
      singleEvents: 'true',
      orderBy: 'startTime',
      maxResults: '5',
    })
  })
})

describe('readCalendarEvents', () => {
  it('reads timed and all-day events, in the order given', () => {
    const events = readCalendarEvents({
      kind: 'calendar#events',
      items: [
        { id: 'a', summary: 'Babbage visit', start: { date: '2026-12-03' } },
        { id: 'b', summary: 'Engine review', start: { dateTime: '2026-12-03T14:00:00+00:00' } },
        { id: 'c', start: { dateTime: '2026-12-04T09:30:00+01:00' } },
      ],
    })
    expect(events).toEqual([
      { id: 'a', title: 'Babbage visit', start: { kind: 'date', date: '2026-12-03' } },
      {
        id: 'b',
        title: 'Engine review',
        start: { kind: 'time', at: new Date('2026-12-03T14:00:00Z') },
      },
      {
        id: 'c',
        title: '(No title)',
        start: { kind: 'time', at: new Date('2026-12-04T08:30:00Z') },
      },
    ])
  })

  it('reads an empty calendar as no events', () => {
    expect(readCalendarEvents({ kind: 'calendar#events', items: [] })).toEqual([])
  })

  it.each([
    ['items not a list', { items: 'nope' }],
    ['no items', { kind: 'calendar#events' }],
    ['not an object', '<h1>Oops</h1>'],
    ['null', null],
    ['an event without a start', { items: [{ id: 'x', summary: 's' }] }],
    ['a start that is no date', { items: [{ id: 'x', start: { dateTime: 'soon' } }] }],
    ['an event that is a string', { items: ['x'] }],
  ])('refuses an answer with %s as bad_response', (_, body) => {
    expect(() => readCalendarEvents(body)).toThrow(
      expect.objectContaining({ code: 'bad_response' }),
    )
  })
})

describe('describeEventStart', () => {
  it('shows an all-day event’s date and no time, on that day in every time zone', () => {
    const text = describeEventStart({ kind: 'date', date: '2026-12-03' }, 'en-GB')
    expect(text).toBe('Thu, 3 Dec 2026')
    expect(text).not.toMatch(/\d:\d/)
  })

  it('shows a timed event’s date and time', () => {
    expect(
      describeEventStart({ kind: 'time', at: new Date('2026-12-03T14:05:00Z') }, 'en-GB'),
    ).toMatch(/3 Dec 2026.*\d\d:05/)
  })
})
