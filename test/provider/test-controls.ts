import type { Middleware } from 'koa'
import { forgetAccountGrants } from './account-grants.ts'
import { MemoryAdapter } from './memory-adapter.ts'
import type { LoggedRequest } from './request-log.ts'
import type { Scenario } from './scenario.ts'

/**
 * Test-only endpoints of the local provider (enabled by `--test-controls`):
 * - `POST /__test/scenario` with a JSON Scenario (partial) switches behaviour; `{}` resets it;
 * - `POST /__test/end-sessions` ends every person's session at the provider;
 * - `POST /__test/forget-grants` forgets what every account granted (each test starts with none);
 * - `GET /__test/requests` lists the requests answered since the scenario was last set.
 * What a scenario does to ordinary requests is in misbehaviour.ts.
 */
export function testControls(
  scenario: { current: Scenario; initial: Scenario },
  log: LoggedRequest[],
): Middleware {
  return async (ctx, next): Promise<void> => {
    if (ctx.method === 'POST' && ctx.path === '/__test/scenario') {
      const chunks: Buffer[] = []
      for await (const chunk of ctx.req) chunks.push(chunk as Buffer)
      const changes = JSON.parse(
        Buffer.concat(chunks).toString('utf8') || '{}',
      ) as Partial<Scenario>
      scenario.current = { ...scenario.initial, ...changes }
      log.length = 0
      ctx.body = scenario.current
      return
    }
    if (ctx.method === 'GET' && ctx.path === '/__test/requests') {
      ctx.body = log
      return
    }
    if (ctx.method === 'POST' && ctx.path === '/__test/end-sessions') {
      MemoryAdapter.endAllSessions()
      ctx.status = 204
      return
    }
    if (ctx.method === 'POST' && ctx.path === '/__test/forget-grants') {
      forgetAccountGrants()
      ctx.status = 204
      return
    }
    await next()
  }
}
