import { describe, expect, it } from 'vitest'
import { listEvents } from '../../google/calendar-endpoint.ts'
import { ADA, GRACE } from '../../google/google-account.ts'

interface Listed {
  items: { summary: string; start: { date?: string; dateTime?: string } }[]
  nextPageToken?: string
  nextSyncToken?: string
}
const list = (email: string, query: string, now: number) =>
  listEvents(email, new URLSearchParams(query), now) as Listed

describe('the stand-in’s Events: list', () => {
  // A summer evening and a winter morning: London at +01:00 and +00:00.
  it.each([Date.parse('2026-07-14T22:30:00Z'), Date.parse('2026-01-20T08:00:00Z')])(
    'orders Ada’s events by start, the all-day one (a date) first (now = %d)',
    (now) => {
      const { items, nextSyncToken } = list(
        ADA.email,
        `timeMin=${new Date(now).toISOString()}`,
        now,
      )
      expect(items.map((item) => item.summary)).toEqual([
        'Babbage visit',
        'Analytical Engine review',
        'Notes on the Menabrea paper',
      ])
      expect(items[0]?.start).toEqual({
        date: expect.stringMatching(/^\d{4}-\d\d-\d\d$/) as string,
      })
      expect(items[1]?.start.dateTime).toMatch(/^\d{4}-\d\d-\d\dT10:00:00\+0[01]:00$/)
      expect(nextSyncToken).toBeTruthy()
    },
  )

  it('gives the time zone’s offset in each dateTime', () => {
    const now = Date.parse('2026-07-14T09:00:00Z')
    expect(list(ADA.email, '', now).items[1]?.start.dateTime).toBe('2026-07-16T10:00:00+01:00')
  })

  it('keeps to maxResults and says there is more with nextPageToken', () => {
    const now = Date.now()
    const { items, nextPageToken, nextSyncToken } = list(ADA.email, 'maxResults=2', now)
    expect(items).toHaveLength(2)
    expect(nextPageToken).toBeTruthy()
    expect(nextSyncToken).toBeUndefined()
  })

  it('leaves out events that end before timeMin', () => {
    const now = Date.now()
    const later = new Date(now + 5 * 86_400_000).toISOString()
    expect(list(ADA.email, `timeMin=${later}`, now).items).toEqual([])
  })

  it('has nothing for Grace', () => {
    expect(list(GRACE.email, '', Date.now()).items).toEqual([])
  })
})
