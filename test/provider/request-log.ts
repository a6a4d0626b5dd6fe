import type { Middleware } from 'koa'

/** One request the provider answered, as the engine suites read it (test controls only). */
export interface LoggedRequest {
  method: string
  path: string
  /** `prompt`, `redirect_uri` and `login_hint` of an authorization request. */
  prompt: string | undefined
  redirectUri: string | undefined
  loginHint: string | undefined
  /** `Sec-Fetch-Dest`: `document` for a top-level navigation, `iframe` for the renewal frame. */
  dest: string | undefined
  status: number
  /** Tokens a token response issued, so a test can look for them in the browser's storage. */
  issued: string[]
}

/**
 * Records every request on the provider's side, so that suites whose driver sees no network
 * (WebKit's WebDriver) assert what went over the wire the same way as the others. Cleared
 * whenever a test sets its scenario.
 */
export function createRequestLog(): { middleware: Middleware; entries: LoggedRequest[] } {
  const entries: LoggedRequest[] = []
  const middleware: Middleware = async (ctx, next) => {
    await next()
    if (ctx.path.startsWith('/__test/')) return
    const body = ctx.body as Record<string, unknown> | undefined
    const issued = ['access_token', 'id_token', 'refresh_token']
      .map((name) => body?.[name])
      .filter((value): value is string => typeof value === 'string')
    const query = (name: string) =>
      typeof ctx.query[name] === 'string' ? ctx.query[name] : undefined
    entries.push({
      method: ctx.method,
      path: ctx.path,
      prompt: query('prompt'),
      redirectUri: query('redirect_uri'),
      loginHint: query('login_hint'),
      dest: ctx.get('Sec-Fetch-Dest') || undefined,
      status: ctx.status,
      issued,
    })
  }
  return { middleware, entries }
}
