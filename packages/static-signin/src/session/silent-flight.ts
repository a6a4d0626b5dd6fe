/** One silent sign-in: why it runs, for which session generation, since when. */
export interface Flight {
  source: string
  /** The session generation it belongs to, compared by identity. */
  generation: unknown
  startedAt: number
}

/**
 * At most one silent sign-in at a time. A caller of the same session generation joins the one in
 * flight; a caller of a newer generation waits until an older one has settled, so that the store
 * gate always knows which attempt is storing ({@link running}).
 */
export class SilentFlight<F extends Flight = Flight> {
  #running: F | undefined
  #latest: { flight: F; promise: Promise<void> } | undefined

  /** The attempt currently talking to the provider, if any. */
  get running(): F | undefined {
    return this.#running
  }

  run(flight: F, task: () => Promise<void>): Promise<void> {
    const latest = this.#latest
    if (latest !== undefined && latest.flight.generation === flight.generation)
      return latest.promise
    const previous = latest?.promise
    const promise = (async () => {
      if (previous) await previous.catch(() => undefined)
      this.#running = flight
      try {
        await task()
      } finally {
        this.#running = undefined
      }
    })()
    const entry = { flight, promise }
    this.#latest = entry
    const forget = () => {
      if (this.#latest === entry) this.#latest = undefined
    }
    promise.then(forget, forget)
    return promise
  }
}
