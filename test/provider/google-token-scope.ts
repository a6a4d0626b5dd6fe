import type { Middleware } from 'koa'
import { fromGoogleScope, toGoogleScope } from './granted-scopes.ts'
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

/**
 * A refresh grant may name the scope it wants, and oidc-client-ts sends the granted `scope` back
 * as it received it: in the long forms this provider wrote. A provider accepts the values it
 * issued, so they are read back as the short names oidc-provider knows before it parses the body.
 */
export function acceptGoogleScopeOnRefresh(): Middleware {
  return async (ctx, next): Promise<void> => {
    if (
      ctx.method === 'POST' &&
      ctx.path === '/token' &&
      ctx.is('application/x-www-form-urlencoded')
    ) {
      const chunks: Buffer[] = []
      for await (const chunk of ctx.req) chunks.push(chunk as Buffer)
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'))
      const scope = form.get('scope')
      if (form.get('grant_type') === 'refresh_token' && scope !== null) {
        form.set('scope', fromGoogleScope(scope))
      }
      // Read already: oidc-provider then takes the body from here (lib/shared/selective_body.js).
      ;(ctx.req as { body?: string }).body = form.toString()
    }
    await next()
  }
}
