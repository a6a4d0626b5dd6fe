import type { Middleware } from 'koa'
import { toGoogleScope } from './granted-scopes.ts'
import type { Scenario } from './scenario.ts'

/**
 * Writes a token response's `scope` as Google does: `email` and `profile` in their long forms
 * (docs/google-facts.md), plus the scenario's hostile extra scope, if any.
 */
export function googleTokenScope(scenario: () => Scenario): Middleware {
  return async (ctx, next): Promise<void> => {
    await next()
    if (ctx.method !== 'POST' || ctx.path !== '/token' || ctx.status !== 200) return
    const body = ctx.body as Record<string, unknown> | undefined
    if (typeof body?.scope !== 'string') return
    ctx.body = { ...body, scope: toGoogleScope(body.scope, scenario().extraGrantedScope) }
  }
}
