/**
 * `npm start`: builds the app and serves it on 127.0.0.1. Without VITE_OIDC_CLIENT_ID (in the
 * environment or a .env file) it also starts the local test provider and builds the app against
 * it; with one, the app talks to the configured provider (Google by default).
 *   --local            always use the local provider (the end-to-end tests do)
 *   --refresh-tokens   local provider offers rotating refresh tokens, and the app uses them
 *   --test-controls    enable the provider's /__test/* endpoints (end-to-end tests only)
 * Ports: APP_PORT (4173), PROVIDER_PORT (4400). Output: APP_OUT_DIR. Token lifetime: TOKEN_TTL_SECONDS.
 * Base path: APP_BASE ("/"), as `vite build --base` takes it. EXTRA_APP_ORIGINS: more origins
 * (space-separated) the provider accepts redirects and CORS from, such as the consumer app's.
 */
import { build, loadEnv, preview } from 'vite'
import { CALENDAR_EVENTS_PATH } from './calendar-api.ts'
import { LOCAL_CLIENT_ID, LOCAL_CLIENT_SECRET } from './local-client.ts'
import { startLocalProvider } from './start-provider.ts'

const flags = new Set(process.argv.slice(2))
const appPort = Number(process.env.APP_PORT ?? 4173)
const providerPort = Number(process.env.PROVIDER_PORT ?? 4400)
const appOrigin = `http://127.0.0.1:${appPort}`
const fileEnv = loadEnv('production', process.cwd(), 'VITE_')
const isLocal =
  flags.has('--local') || !(process.env.VITE_OIDC_CLIENT_ID ?? fileEnv.VITE_OIDC_CLIENT_ID)
const outDir = process.env.APP_OUT_DIR ?? (isLocal ? '.local/dist' : 'dist')
const base = process.env.APP_BASE ?? '/'

const closers: (() => Promise<void>)[] = []
async function stop(code: number): Promise<never> {
  await Promise.allSettled(closers.map((close) => close()))
  process.exit(code)
}
process.on('SIGINT', () => void stop(0))
process.on('SIGTERM', () => void stop(0))

try {
  if (isLocal) {
    const hasRefreshTokens = flags.has('--refresh-tokens')
    const provider = await startLocalProvider({
      port: providerPort,
      // Also served as localhost: a cross-site origin for the provider on 127.0.0.1.
      appOrigins: [
        appOrigin,
        `http://localhost:${appPort}`,
        ...(process.env.EXTRA_APP_ORIGINS ?? '').split(' ').filter(Boolean),
      ],
      clientId: LOCAL_CLIENT_ID,
      clientSecret: LOCAL_CLIENT_SECRET,
      hasRefreshTokens,
      tokenTtlSeconds: Number(process.env.TOKEN_TTL_SECONDS ?? 3600),
      hasTestControls: flags.has('--test-controls'),
      basePath: base,
    })
    closers.push(provider.close)
    Object.assign(process.env, {
      VITE_OIDC_ISSUER: provider.issuer,
      VITE_OIDC_CLIENT_ID: LOCAL_CLIENT_ID,
      VITE_OIDC_CLIENT_SECRET: LOCAL_CLIENT_SECRET,
      VITE_OIDC_REFRESH_TOKENS: hasRefreshTokens ? '1' : '',
      VITE_LOCAL_PROVIDER: '1',
    })
    console.log(
      `Local test provider: ${provider.issuer} (accounts: Ada Lovelace, Grace Hopper; Calendar API: ${provider.issuer}${CALENDAR_EVENTS_PATH})`,
    )
  }
  await build({ logLevel: 'warn', base, build: { outDir } })
  const server = await preview({
    base,
    build: { outDir },
    preview: { port: appPort, host: '127.0.0.1', strictPort: true, open: false },
  })
  closers.push(
    () =>
      new Promise((resolve) => {
        server.httpServer.close(() => {
          resolve()
        })
      }),
  )
  const target = isLocal
    ? 'the local test provider'
    : (process.env.VITE_OIDC_ISSUER ?? 'https://accounts.google.com')
  console.log(
    `\n  App ready: ${appOrigin}${base}\n  Signing in uses ${target}.\n  Press Ctrl+C to stop.\n`,
  )
} catch (error: unknown) {
  const code = (error as { code?: unknown } | null)?.code
  console.error(
    code === 'EADDRINUSE'
      ? `A port is already in use (${error instanceof Error ? error.message : ''}). Is another \`npm start\` running? Stop it, or choose other ports with APP_PORT and PROVIDER_PORT.`
      : error instanceof Error
        ? error.message
        : error,
  )
  await stop(1)
}
