import { describe, expect, it } from 'vitest'
import { checkApiUrl } from '../../../packages/static-signin/src/google/api-url.ts'
import { GoogleApiError } from '../../../packages/static-signin/src/google/google-api-error.ts'

const API = 'https://www.googleapis.com'

function refusal(url: string, apiBase: string | undefined): unknown {
  try {
    checkApiUrl(url, apiBase)
  } catch (error: unknown) {
    return error
  }
  return undefined
}

describe('checkApiUrl: where the access token may go', () => {
  it('lets an absolute URL at the API origin through', () => {
    expect(checkApiUrl(`${API}/calendar/v3/calendars/primary/events?maxResults=5`, API)).toBe(
      `${API}/calendar/v3/calendars/primary/events?maxResults=5`,
    )
  })

  it.each([
    ['a relative URL (the app’s own origin)', '/drive/v3/files', API],
    ['another origin', 'https://evil.example/steal', API],
    ['a look-alike host', 'https://www.googleapis.com.evil.example/x', API],
    ['plain http to the API host', 'http://www.googleapis.com/x', API],
    ['a provider with no Google API', `${API}/x`, undefined],
    ['"undefined/…" built from a missing base', 'undefined/drive/v3/files', undefined],
  ])('refuses %s, and nothing is sent', (_, url, apiBase) => {
    const error = refusal(url, apiBase)
    expect(error).toBeInstanceOf(GoogleApiError)
    expect(error).toMatchObject({ code: 'url_refused' })
  })
})
