import type { Middleware } from 'koa'
import { MemoryAdapter } from './memory-adapter.ts'
import type { Scenario } from './scenario.ts'

/**
 * Test-only endpoints of the local provider (enabled by `--test-controls`):
 * - `POST /__test/scenario` with a JSON Scenario (partial) switches behaviour; `{}` resets it;
 * - `POST /__test/end-sessions` ends every person's session at the provider.
 * And the scenario's effect on ordinary requests: an authorization request from an iframe gets a
 * page with `X-Frame-Options: DENY` when framing is refused.
 */
export function testControls(scenario: { current: Scenario; initial: Scenario }): Middleware {
  return async (ctx, next): Promise<void> => {
    if (ctx.method === 'POST' && ctx.path === '/__test/scenario') {
      const chunks: Buffer[] = []
      for await (const chunk of ctx.req) chunks.push(chunk as Buffer)
      const changes = JSON.parse(
        Buffer.concat(chunks).toString('utf8') || '{}',
      ) as Partial<Scenario>
      scenario.current = { ...scenario.initial, ...changes }
      ctx.body = scenario.current
      return
    }
    if (ctx.method === 'POST' && ctx.path === '/__test/end-sessions') {
      MemoryAdapter.endAllSessions()
      ctx.status = 204
      return
    }
    if (
      scenario.current.refuseFraming &&
      ctx.path === '/auth' &&
      ctx.get('Sec-Fetch-Dest') === 'iframe'
    ) {
      // What Google does when it must show UI: a page the browser refuses to render in a frame.
      ctx.set('X-Frame-Options', 'DENY')
      ctx.type = 'html'
      ctx.body = '<!doctype html><title>Sign in</title><p>Confirm it is you.</p>'
      return
    }
    await next()
  }
}
