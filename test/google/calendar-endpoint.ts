/**
 * GET https://www.googleapis.com/calendar/v3/calendars/primary/events: Events: list
 * (https://developers.google.com/workspace/calendar/api/v3/reference/events/list), with Google's
 * error model for a bad token (401) and a token without a Calendar scope (403).
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { findLiveToken, type TokenState } from './access-tokens.ts'
import { CALENDAR_TIME_ZONE, eventsOf } from './calendar-events.ts'
import { GOOGLE_ACCOUNTS } from './google-account.ts'
import { corsHeaders, sendJson } from './http-answers.ts'
import type { GoogleScenario } from './scenario.ts'
import { API_CHALLENGES, CALENDAR_ERRORS, CALENDAR_SCOPE, HOSTILE_HTML } from './wire-format.ts'

/** Scopes that allow reading events; the stand-in only ever grants the first. */
const READING_SCOPES = [
  CALENDAR_SCOPE,
  'https://www.googleapis.com/auth/calendar.events',
  'https://www.googleapis.com/auth/calendar.readonly',
  'https://www.googleapis.com/auth/calendar',
]
/** "The page size can never be larger than 2500 events" (Events: list, maxResults). */
const MAX_RESULTS = 2500
const DEFAULT_RESULTS = 250
/** Longer than any time-out a client should allow itself. */
const SLOW_MS = 60_000

interface CalendarOptions {
  appOrigin: string
  tokens: TokenState
  scenario: GoogleScenario
}

function sendUnauthenticated(req: IncomingMessage, res: ServerResponse, appOrigin: string) {
  sendJson(req, res, appOrigin, 401, CALENDAR_ERRORS.unauthenticated, {
    'WWW-Authenticate': API_CHALLENGES.invalidToken,
  })
}

function sendInsufficientScope(req: IncomingMessage, res: ServerResponse, appOrigin: string) {
  sendJson(req, res, appOrigin, 403, CALENDAR_ERRORS.insufficientScope, {
    'WWW-Authenticate': API_CHALLENGES.insufficientScope,
  })
}

/** The Events resource list, as Google sends it: ordered by start, ending after timeMin. */
export function listEvents(email: string, query: URLSearchParams, now = Date.now()): unknown {
  const timeMin = query.has('timeMin') ? Date.parse(query.get('timeMin') ?? '') : -Infinity
  const asked = Number(query.get('maxResults') ?? DEFAULT_RESULTS)
  const maxResults = Math.min(
    Number.isInteger(asked) && asked > 0 ? asked : DEFAULT_RESULTS,
    MAX_RESULTS,
  )
  const matching = eventsOf(email, now)
    .filter(({ endsAt }) => endsAt > timeMin)
    .sort((a, b) => a.startsAt - b.startsAt)
  const page = matching.slice(0, maxResults)
  const isTruncated = matching.length > page.length
  return {
    kind: 'calendar#events',
    etag: '"p33ccvjlmp8uo80o"',
    summary: email,
    updated: page.reduce(
      (latest, { event }) => (event.updated > latest ? event.updated : latest),
      '2026-01-05T09:30:12.000Z',
    ),
    timeZone: CALENDAR_TIME_ZONE,
    accessRole: 'owner',
    defaultReminders: [],
    // "Omitted if no further results are available, in which case nextSyncToken is provided."
    ...(isTruncated
      ? { nextPageToken: 'EjQKJDZhOGMwZTJnNGk2azhtMG8ycTRzNnU4YTBjGAEggICA' }
      : { nextSyncToken: 'CPjF4pTb0IsDEPjF4pTb0IsDGAUg8IeM3QI=' }),
    items: page.map(({ event }) => event),
  }
}

/** The API's answer, by scenario first (a misbehaving Google), then by the token's grant. */
export function calendarEvents(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  { appOrigin, tokens, scenario }: CalendarOptions,
): void {
  switch (scenario.calendar) {
    case 'unauthorized-once':
      scenario.calendar = 'ok'
      sendUnauthenticated(req, res, appOrigin)
      return
    case 'unauthorized':
      sendUnauthenticated(req, res, appOrigin)
      return
    case 'insufficient':
      sendInsufficientScope(req, res, appOrigin)
      return
    case 'html':
      res.writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        ...corsHeaders(req, appOrigin),
      })
      res.end(HOSTILE_HTML)
      return
    case 'wrong-shape':
      sendJson(req, res, appOrigin, 200, { items: 'nope' })
      return
    case 'slow': {
      const timer = setTimeout(() => {
        answerFromGrant(req, res, url, appOrigin, tokens)
      }, SLOW_MS)
      timer.unref()
      res.on('close', () => {
        clearTimeout(timer)
      })
      return
    }
    case 'ok':
      answerFromGrant(req, res, url, appOrigin, tokens)
  }
}

/** Google's own checks: a live token of a known account (401), then a scope that reads events (403). */
function answerFromGrant(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  appOrigin: string,
  tokens: TokenState,
): void {
  const token = findLiveToken(tokens, req.headers.authorization)
  const account = GOOGLE_ACCOUNTS.find(({ sub }) => sub === token?.sub)
  if (token === undefined || account === undefined) {
    sendUnauthenticated(req, res, appOrigin)
    return
  }
  if (!READING_SCOPES.some((scope) => token.scopes.has(scope))) {
    sendInsufficientScope(req, res, appOrigin)
    return
  }
  sendJson(req, res, appOrigin, 200, listEvents(account.email, url.searchParams))
}
