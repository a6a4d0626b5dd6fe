import type { Context, Middleware } from 'koa'
import type Provider from 'oidc-provider'
import {
  API_CHALLENGES,
  CALENDAR_ERRORS,
  CALENDAR_SCOPE,
  HOSTILE_HTML,
} from '../google/wire-format.ts'
import { listEvents } from '../google/calendar-endpoint.ts'
import type { Scenario } from './scenario.ts'
import { findTestAccount } from './test-user.ts'

/** Where the Google build calls https://www.googleapis.com, the local build calls the provider. */
export const CALENDAR_EVENTS_PATH = '/calendar/v3/calendars/primary/events'

function send(ctx: Context, status: number, body: unknown, challenge?: string): void {
  ctx.status = status
  ctx.type = 'application/json; charset=UTF-8'
  ctx.body = JSON.stringify(body, null, 2)
  if (challenge) ctx.set('WWW-Authenticate', challenge)
}

/** Answers with the events of the token's account, or Google's 401 / 403 for the token. */
async function answerWithToken(ctx: Context, provider: Provider): Promise<void> {
  const [scheme, value] = ctx.get('Authorization').split(' ')
  const token =
    scheme?.toLowerCase() === 'bearer' && value ? await provider.AccessToken.find(value) : undefined
  // find() returns nothing for an unknown, expired or revoked token.
  const account = findTestAccount(token?.accountId)
  if (!token || token.isExpired || !account) {
    send(ctx, 401, CALENDAR_ERRORS.unauthenticated, API_CHALLENGES.invalidToken)
    return
  }
  if (!(token.scope ?? '').split(' ').includes(CALENDAR_SCOPE)) {
    send(ctx, 403, CALENDAR_ERRORS.insufficientScope, API_CHALLENGES.insufficientScope)
    return
  }
  // The same events, filters and shapes as the Google stand-in's.
  send(ctx, 200, listEvents(account.email, new URLSearchParams(ctx.querystring)))
}

/**
 * Google Calendar's Events: list on the provider's origin, with Google's answers and error shapes,
 * readable cross-origin by the app; the scenario may make it fail or misbehave.
 */
export function calendarApi(
  provider: Provider,
  scenario: () => Scenario,
  appOrigins: string[],
): Middleware {
  // Scenarios whose one failure has been used up (each scenario set is a new object).
  const failedOnce = new WeakSet<Scenario>()
  return async (ctx, next): Promise<void> => {
    if (ctx.path !== CALENDAR_EVENTS_PATH) {
      await next()
      return
    }
    const origin = ctx.get('Origin')
    if (appOrigins.includes(origin)) ctx.set('Access-Control-Allow-Origin', origin)
    ctx.set('Vary', 'Origin')
    if (ctx.method === 'OPTIONS') {
      ctx.set('Access-Control-Allow-Methods', 'GET')
      ctx.set('Access-Control-Allow-Headers', 'authorization')
      ctx.set('Access-Control-Max-Age', '3600')
      ctx.status = 204
      return
    }
    if (ctx.method !== 'GET') ctx.throw(405)
    ctx.set('Cache-Control', 'no-cache, no-store, max-age=0, must-revalidate')
    const current = scenario()
    const behaviour = current.calendar ?? 'ok'
    if (behaviour === 'slow') {
      await new Promise((resolve) => {
        ctx.req.socket.once('close', resolve)
        setTimeout(resolve, 60_000).unref()
      })
      ctx.status = 504
    } else if (
      behaviour === 'unauthorized' ||
      (['unauthorized-once', 'unauthorized-then-insufficient'].includes(behaviour) &&
        !failedOnce.has(current))
    ) {
      failedOnce.add(current)
      send(ctx, 401, CALENDAR_ERRORS.unauthenticated, API_CHALLENGES.invalidToken)
    } else if (behaviour === 'insufficient' || behaviour === 'unauthorized-then-insufficient') {
      send(ctx, 403, CALENDAR_ERRORS.insufficientScope, API_CHALLENGES.insufficientScope)
    } else if (behaviour === 'html') {
      ctx.type = 'text/html'
      ctx.body = HOSTILE_HTML
    } else if (behaviour === 'wrong-shape') {
      send(ctx, 200, { items: 'nope' })
    } else {
      await answerWithToken(ctx, provider)
    }
  }
}
