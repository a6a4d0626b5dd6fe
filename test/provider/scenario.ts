import type { HostileScenarioName } from './hostile-scenarios.ts'

/**
 * How the local provider behaves right now. The end-to-end tests switch it per test through the
 * provider's test-control endpoint (enabled only with `--test-controls`).
 */
export interface Scenario {
  /** Access and ID token lifetime, seconds (Google: about an hour). */
  tokenTtlSeconds: number
  /** Answer authorization requests from an iframe with `X-Frame-Options: DENY`, as Google does when it must show UI. */
  refuseFraming: boolean
  /** Hold every `prompt=none` authorization request this long before answering (a slow network). */
  silentDelayMs?: number | undefined
  /** Misbehave like a broken or malicious provider (see hostile-scenarios.ts). */
  hostile?: HostileScenarioName | undefined
}

export function defaultScenario(tokenTtlSeconds: number): Scenario {
  return { tokenTtlSeconds, refuseFraming: false }
}
