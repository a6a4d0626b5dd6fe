import type { HostileScenarioName } from './hostile-scenarios.ts'

/** How the Calendar endpoint answers: Google's answers, or a broken or hostile API's. */
export type CalendarBehaviour =
  | 'ok'
  /** The next call answers 401 whatever its token, later calls as usual. */
  | 'unauthorized-once'
  | 'unauthorized'
  /** Every call answers 403 insufficient scopes. */
  | 'insufficient'
  /** The next call answers 401, later calls 403 insufficient scopes (the hostile 401-then-403). */
  | 'unauthorized-then-insufficient'
  /** 200 with an HTML page that runs script if rendered as HTML. */
  | 'html'
  /** 200 JSON that is not an Events list. */
  | 'wrong-shape'
  /** No answer within 30 seconds. */
  | 'slow'

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
  /** How the Calendar endpoint answers (default `ok`). */
  calendar?: CalendarBehaviour | undefined
  /** A scope every token response's `scope` claims although nobody asked for it (hostile). */
  extraGrantedScope?: string | undefined
}

export function defaultScenario(tokenTtlSeconds: number): Scenario {
  return { tokenTtlSeconds, refuseFraming: false, calendar: 'ok' }
}
