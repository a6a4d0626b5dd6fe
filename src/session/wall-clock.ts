/** How often the wall clock is read for renewal and expiry. */
const TICK_MS = 1000

/**
 * Calls `onTick` every second and whenever the page becomes visible again. The wall clock is read
 * on each tick rather than trusting one long timer, which a sleeping laptop or a throttled
 * background tab would fire late (oidc-client-ts's own Timer polls the same way).
 */
export function watchWallClock(onTick: () => void): () => void {
  const onVisible = () => {
    if (document.visibilityState === 'visible') onTick()
  }
  document.addEventListener('visibilitychange', onVisible)
  const clock = setInterval(onTick, TICK_MS)
  return () => {
    document.removeEventListener('visibilitychange', onVisible)
    clearInterval(clock)
  }
}
