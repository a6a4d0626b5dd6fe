import { LOCAL_CLIENT_ID, LOCAL_CLIENT_SECRET } from '../provider/local-client.ts'
import { PROVIDER_ORIGIN } from '../e2e/ports.ts'

/**
 * The environment the consumer's commands run in: this process's, minus what an enclosing
 * `npm run` or build exported (npm_* settings that would point npm at this repository, and any
 * VITE_* variable), plus `extra`.
 */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const kept = Object.entries(process.env).filter(
    ([name]) => !/^(npm_|vite_|init_cwd$)/i.test(name),
  )
  return { ...Object.fromEntries(kept), ...extra }
}

/** The consumer built and served against the end-to-end tests' local provider, as its .env would set it. */
export const LOCAL_PROVIDER_ENV = {
  VITE_OIDC_ISSUER: PROVIDER_ORIGIN,
  VITE_OIDC_CLIENT_ID: LOCAL_CLIENT_ID,
  VITE_OIDC_CLIENT_SECRET: LOCAL_CLIENT_SECRET,
}
