import { AuthError } from './auth-error.ts'

const MINUTE_MS = 60_000
const HOUR_MS = 60 * MINUTE_MS
const DAY_MS = 24 * HOUR_MS

/**
 * How far this device's clock may be from the provider's and still be corrected silently.
 * A day covers every clock that shows the right local time under the wrong time zone (up to 14 h
 * from UTC) and any clock that drifted for want of synchronisation. Beyond it the date itself is
 * wrong (a mistyped day, a reset clock), which the person must fix; and since a day is also the
 * longest token lifetime the app accepts (`TOKEN_LIFETIME.MAX_SECONDS`), learning a larger offset
 * would let a token more than a lifetime old pass as fresh.
 */
export const MAX_CLOCK_OFFSET_MS = DAY_MS

const UNITS: [string, number][] = [
  ['year', 365 * DAY_MS],
  ['day', DAY_MS],
  ['hour', HOUR_MS],
]

/** "about 3 days", "about 30 hours", "about 10 minutes": the largest unit that counts two or more. */
export function describeOffset(ms: number): string {
  const size = Math.abs(ms)
  for (const [unit, unitMs] of UNITS) {
    if (size / unitMs >= 2) return `about ${Math.round(size / unitMs)} ${unit}s`
  }
  const minutes = Math.max(1, Math.round(size / MINUTE_MS))
  return `about ${minutes} minute${minutes === 1 ? '' : 's'}`
}

function formatInstant(ms: number): string {
  const date = new Date(ms)
  return Number.isNaN(date.getTime()) ? `${ms} ms after 1970` : date.toISOString()
}

/**
 * This tab's measure of how far the device's clock is from the provider's, learnt from fresh
 * evidence: an ID token the token endpoint has just sent over TLS in answer to this tab's own code
 * exchange (PKCE and a one-time nonce make it fresh by construction) carries the provider's "now"
 * as its `iat`, to within the round trip. It is learnt once, and again only when the device clock
 * has moved against the page's monotonic clock since (the person set it, or the device slept):
 * every other token, refresh-grant answers above all, is judged by the offset already learnt, so
 * an old token cannot teach the clock that it is fresh. ID token times are judged against
 * {@link DeviceClock.now}; nothing else is.
 */
export class DeviceClock {
  #offsetMs = 0
  /** Date.now() − performance.now() when the offset was learnt; undefined before. */
  #deviceBaseMs: number | undefined

  /** Nothing learnt yet, or the device clock moved since, beyond `toleranceMs`: learn again. */
  shouldLearn(toleranceMs: number): boolean {
    if (this.#deviceBaseMs === undefined) return true
    return Math.abs(readDeviceBase() - this.#deviceBaseMs) > toleranceMs
  }

  /** How far the device's clock is ahead of the provider's (negative: behind), in ms. */
  get offsetMs(): number {
    return this.#offsetMs
  }

  /** The provider's current time, in ms since the epoch, as this device can tell it. */
  now(): number {
    return Date.now() - this.#offsetMs
  }

  /**
   * Learns the offset from a fresh ID token's `iat` and the device time it arrived at.
   * @throws AuthError `device_clock_wrong` when the offset exceeds {@link MAX_CLOCK_OFFSET_MS};
   *   the previous offset is kept.
   */
  learn(iatSeconds: number, receivedAtMs: number): void {
    const offsetMs = receivedAtMs - iatSeconds * 1000
    if (!(Math.abs(offsetMs) <= MAX_CLOCK_OFFSET_MS)) {
      const direction = offsetMs > 0 ? 'ahead' : 'behind'
      throw new AuthError(
        'device_clock_wrong',
        `This device’s clock is ${describeOffset(offsetMs)} ${direction}. Set its date and time to update automatically, then try again.`,
        `The provider issued the ID token at ${formatInstant(iatSeconds * 1000)}; this device’s clock read ${formatInstant(receivedAtMs)}.`,
      )
    }
    this.#offsetMs = offsetMs
    this.#deviceBaseMs = readDeviceBase()
  }
}

/** How the wall clock stands against the monotonic one: it moves when the clock is set, or on sleep. */
function readDeviceBase(): number {
  return Date.now() - performance.now()
}
