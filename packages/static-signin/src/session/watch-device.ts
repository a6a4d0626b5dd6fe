/** How often the wall clock is read for renewal and expiry. */
const TICK_MS = 1000

export interface DeviceWatch {
  /** Every second, whenever the page becomes visible again, and when the network returns. */
  onTick: () => void
  /** The browser says the network is back (`online`). */
  onOnline: () => void
}

/**
 * Watches what a real device does to a session: time passing (the wall clock is read on each tick
 * rather than trusting one long timer, which a sleeping laptop or a throttled background tab fires
 * late; oidc-client-ts's own Timer polls the same way), the page coming back into view, and the
 * network coming back. Returns the stop function.
 */
export function watchDevice({ onTick, onOnline }: DeviceWatch): () => void {
  const onVisible = () => {
    if (document.visibilityState === 'visible') onTick()
  }
  document.addEventListener('visibilitychange', onVisible)
  window.addEventListener('online', onOnline)
  const clock = setInterval(onTick, TICK_MS)
  return () => {
    document.removeEventListener('visibilitychange', onVisible)
    window.removeEventListener('online', onOnline)
    clearInterval(clock)
  }
}
