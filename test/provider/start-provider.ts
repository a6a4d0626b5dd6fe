import { createServer, type Server } from 'node:http'
import Provider from 'oidc-provider'
import { calendarApi } from './calendar-api.ts'
import { acceptGoogleScopeOnRefresh, googleTokenScope } from './google-token-scope.ts'
import { includeGrantedScopesMiddleware } from './include-granted-scopes.ts'
import { interactionRoutes } from './interactions.ts'
import { buildConfiguration, type ClientOptions } from './provider-configuration.ts'
import { misbehaviour } from './misbehaviour.ts'
import { createRequestLog } from './request-log.ts'
import { defaultScenario } from './scenario.ts'
import { createSigningKey } from './signing-key.ts'
import { testControls } from './test-controls.ts'

export interface LocalProviderOptions extends ClientOptions {
  port: number
  /** Initial access and ID token lifetime in seconds. */
  tokenTtlSeconds: number
  /** Enable the /__test/* endpoints the end-to-end tests drive. */
  hasTestControls: boolean
}

export interface LocalProvider {
  issuer: string
  close: () => Promise<void>
}

/** Starts the local OpenID provider on 127.0.0.1 (same host name as the app: see toolchain.md). */
export async function startLocalProvider(options: LocalProviderOptions): Promise<LocalProvider> {
  const issuer = `http://127.0.0.1:${options.port}`
  const initial = defaultScenario(options.tokenTtlSeconds)
  const scenario = { initial, current: initial }
  const key = createSigningKey()
  const current = () => scenario.current
  const provider = new Provider(issuer, buildConfiguration(options, issuer, current, key))
  if (options.hasTestControls) {
    const log = createRequestLog()
    provider.use(log.middleware)
    provider.use(testControls(scenario, log.entries))
    provider.use(misbehaviour(current, key, options.appOrigins))
  }
  // Inside misbehaviour, so that a hostile token response rewrites what these wrote.
  provider.use(googleTokenScope(current))
  // Only where refresh tokens exist: oidc-provider warns once when a body arrives already read.
  if (options.hasRefreshTokens) provider.use(acceptGoogleScopeOnRefresh())
  provider.use(includeGrantedScopesMiddleware())
  provider.use(calendarApi(provider, current, options.appOrigins))
  provider.use(interactionRoutes(provider, issuer))

  const handle = provider.callback()
  const server: Server = createServer((req, res) => void handle(req, res))
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, '127.0.0.1', resolve)
  })
  return {
    issuer,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => {
          resolve()
        })
      }),
  }
}
