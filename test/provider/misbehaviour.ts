import type { Context, Middleware } from 'koa'
import {
  HOSTILE_SCENARIOS,
  type CannedResponse,
  type HostileBehaviour,
} from './hostile-scenarios.ts'
import type { Scenario } from './scenario.ts'
import type { SigningKey } from './signing-key.ts'

function answer(ctx: Context, canned: CannedResponse, appOrigins: string[]): void {
  const origin = ctx.get('Origin')
  // Readable by the app, as a real provider's error would be.
  if (appOrigins.includes(origin)) ctx.set('Access-Control-Allow-Origin', origin)
  ctx.status = canned.status
  ctx.type = canned.contentType
  ctx.body = canned.body
}

function rewriteIdToken(ctx: Context, behaviour: HostileBehaviour, key: SigningKey): void {
  const body = ctx.body as { id_token?: unknown } | undefined
  if (!behaviour.idTokenClaims || typeof body?.id_token !== 'string') return
  const claims = JSON.parse(
    Buffer.from(body.id_token.split('.')[1] ?? '', 'base64url').toString(),
  ) as Record<string, unknown>
  ctx.body = { ...body, id_token: key.sign(behaviour.idTokenClaims(claims)) }
}

function rewriteAuthorizationResponse(
  ctx: Context,
  behaviour: HostileBehaviour,
  appOrigins: string[],
): void {
  const location = ctx.response.get('Location')
  if (!behaviour.authorizationResponse || !location) return
  const callback = new URL(location, 'http://invalid')
  if (!appOrigins.includes(callback.origin) || !callback.searchParams.has('state')) return
  behaviour.authorizationResponse(callback)
  ctx.set('Location', callback.href)
}

/**
 * Makes the provider misbehave as the current scenario says: refuse framing (as Google does when
 * it must show UI) or act out one of the hostile scenarios.
 */
export function misbehaviour(
  scenario: () => Scenario,
  key: SigningKey,
  appOrigins: string[],
): Middleware {
  return async (ctx, next): Promise<void> => {
    const current = scenario()
    if (current.silentDelayMs && /^\/auth\/?$/.test(ctx.path) && ctx.query.prompt === 'none') {
      await new Promise((resolve) => setTimeout(resolve, current.silentDelayMs))
    }
    if (current.refuseFraming && ctx.path === '/auth' && ctx.get('Sec-Fetch-Dest') === 'iframe') {
      ctx.set('X-Frame-Options', 'DENY')
      ctx.type = 'html'
      ctx.body = '<!doctype html><title>Sign in</title><p>Confirm it is you.</p>'
      return
    }
    const behaviour: HostileBehaviour | undefined =
      current.hostile && HOSTILE_SCENARIOS[current.hostile]
    if (!behaviour) {
      await next()
      return
    }
    if (ctx.path === '/.well-known/openid-configuration' && behaviour.discovery === 'unreachable') {
      ctx.respond = false
      ctx.req.socket.destroy()
      return
    }
    if (ctx.method === 'POST' && ctx.path === '/token' && behaviour.token) {
      if (behaviour.token === 'never-answers') {
        await new Promise((resolve) => {
          ctx.req.socket.once('close', resolve)
          setTimeout(resolve, 60_000).unref()
        })
        ctx.status = 504
        return
      }
      answer(ctx, behaviour.token, appOrigins)
      return
    }
    if (ctx.method === 'GET' && ctx.path === '/me' && behaviour.userinfo) {
      answer(ctx, behaviour.userinfo, appOrigins)
      return
    }
    await next()
    if (
      ctx.path === '/.well-known/openid-configuration' &&
      typeof behaviour.discovery === 'object'
    ) {
      ctx.body = { ...(ctx.body as object), issuer: behaviour.discovery.issuer }
    }
    if (ctx.path === '/token') rewriteIdToken(ctx, behaviour, key)
    if (ctx.path === '/token' && ctx.status === 200 && behaviour.tokenResponse) {
      ctx.body = behaviour.tokenResponse(ctx.body as Record<string, unknown>)
    }
    if (/^\/auth(\/|$)/.test(ctx.path)) rewriteAuthorizationResponse(ctx, behaviour, appOrigins)
  }
}
