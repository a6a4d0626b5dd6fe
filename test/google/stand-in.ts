import {
  createServer as createHttpServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import { createSigningKey } from '../provider/signing-key.ts'
import { certs, exchangeToken, picture, revoke, userinfo, type ApiState } from './api-endpoints.ts'
import { authorize, consent, decide } from './authorization-endpoint.ts'
import { calendarEvents } from './calendar-endpoint.ts'
import type { TestCertificate } from './certificate.ts'
import { preflight } from './http-answers.ts'
import { DEFAULT_GOOGLE_SCENARIO, type GoogleScenario } from './scenario.ts'

export interface StandInOptions {
  certificate: TestCertificate
  port: number
  controlPort: number
  clientId: string
  clientSecret: string
  appOrigin: string
}

type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => void | Promise<void>

/**
 * Google, as far as a browser app sees it, on one HTTPS port: the browser maps every Google
 * hostname here (--host-resolver-rules), and requests are told apart by host and path, at
 * Google's exact paths. A second, plain-HTTP port takes `POST /scenario` from the tests.
 */
export async function startGoogleStandIn(options: StandInOptions): Promise<() => Promise<void>> {
  // A copy: scenarios that change as they answer (calendar 'unauthorized-once') change this one.
  let scenario: GoogleScenario = { ...DEFAULT_GOOGLE_SCENARIO }
  const state: ApiState = {
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    appOrigin: options.appOrigin,
    redirectUris: [`${options.appOrigin}/`, `${options.appOrigin}/silent-renew.html`],
    codes: new Map(),
    pending: new Map(),
    sessions: new Map(),
    grants: new Map(),
    accessTokens: new Map(),
    key: createSigningKey(),
  }
  const routes: Record<string, Handler> = {
    'GET accounts.google.com/o/oauth2/v2/auth': (req, res, url) => {
      authorize(req, res, url, state, scenario)
    },
    'GET accounts.google.com/o/oauth2/v2/auth/decide': (req, res, url) => {
      decide(req, res, url, state, scenario)
    },
    'GET accounts.google.com/o/oauth2/v2/auth/consent': (_req, res, url) => {
      consent(res, url, state, scenario)
    },
    'POST oauth2.googleapis.com/token': (req, res) => exchangeToken(req, res, state, scenario),
    'OPTIONS oauth2.googleapis.com/token': (req, res) => {
      preflight(req, res, state.appOrigin)
    },
    'POST oauth2.googleapis.com/revoke': (req, res) => revoke(req, res, state, scenario),
    'OPTIONS oauth2.googleapis.com/revoke': (req, res) => {
      preflight(req, res, state.appOrigin)
    },
    'GET openidconnect.googleapis.com/v1/userinfo': (req, res) => {
      userinfo(req, res, state, scenario)
    },
    'OPTIONS openidconnect.googleapis.com/v1/userinfo': (req, res) => {
      preflight(req, res, state.appOrigin)
    },
    'GET www.googleapis.com/calendar/v3/calendars/primary/events': (req, res, url) => {
      calendarEvents(req, res, url, { appOrigin: state.appOrigin, tokens: state, scenario })
    },
    'OPTIONS www.googleapis.com/calendar/v3/calendars/primary/events': (req, res) => {
      preflight(req, res, state.appOrigin)
    },
    'GET www.googleapis.com/oauth2/v3/certs': (req, res) => {
      certs(req, res, state)
    },
  }
  const server = createHttpsServer(
    { key: options.certificate.key, cert: options.certificate.cert },
    (req, res) => {
      const url = new URL(req.url ?? '/', `https://${req.headers.host ?? 'invalid'}`)
      const handler =
        routes[`${req.method ?? 'GET'} ${url.hostname}${url.pathname}`] ??
        (url.hostname === 'lh3.googleusercontent.com' && url.pathname.startsWith('/a/')
          ? () => {
              picture(res)
            }
          : undefined)
      if (!handler) {
        res.writeHead(404, { 'Content-Type': 'text/plain' })
        res.end('Not Found')
        return
      }
      Promise.resolve(handler(req, res, url)).catch((error: unknown) => {
        res.writeHead(500)
        res.end(String(error))
      })
    },
  )
  const control = createHttpServer((req, res) => {
    void (async () => {
      const chunks: Buffer[] = []
      for await (const chunk of req) chunks.push(chunk as Buffer)
      if (req.method === 'POST' && req.url === '/scenario') {
        const changes = JSON.parse(
          Buffer.concat(chunks).toString('utf8') || '{}',
        ) as Partial<GoogleScenario>
        scenario = { ...DEFAULT_GOOGLE_SCENARIO, ...changes }
        // Each test starts signed out of "Google", with nothing granted to the app.
        state.sessions.clear()
        state.grants.clear()
        res.writeHead(200, { 'Content-Type': 'application/json' })
        res.end(JSON.stringify(scenario))
        return
      }
      res.writeHead(404)
      res.end()
    })()
  })
  const listen = (target: typeof control | typeof server, port: number) =>
    new Promise<void>((resolve, reject) => {
      target.once('error', reject)
      target.listen(port, '127.0.0.1', resolve)
    })
  await Promise.all([listen(server, options.port), listen(control, options.controlPort)])
  return async () => {
    server.closeAllConnections()
    control.closeAllConnections()
    await Promise.all([
      new Promise((resolve) => server.close(resolve)),
      new Promise((resolve) => control.close(resolve)),
    ])
  }
}
