import { useEffect, useSyncExternalStore } from 'react'

type SignedInViews = typeof import('./SignedInView.tsx') &
  typeof import('./ProfileCard.tsx') &
  typeof import('./RenewalNotice.tsx')

/** `undefined` while loading, `null` when the chunk could not be loaded. */
let views: SignedInViews | null | undefined
let loading: Promise<void> | undefined
const listeners = new Set<() => void>()

/**
 * Starts loading the signed-in views (their own chunk, so the signed-out page loads less). The app
 * asks for them as soon as a callback or a restore is known, so the chunk is in before the tokens
 * are. A plain module cache, not React.lazy: a chunk already loaded renders at once, with no
 * Suspense fallback and no reveal delay.
 */
function preloadSignedInViews(): void {
  loading ??= Promise.all([
    import('./SignedInView.tsx'),
    import('./ProfileCard.tsx'),
    import('./RenewalNotice.tsx'),
  ]).then(
    ([view, card, notice]) => {
      views = { ...view, ...card, ...notice }
      listeners.forEach((listener) => {
        listener()
      })
    },
    () => {
      views = null
      loading = undefined // a later render may try again
      listeners.forEach((listener) => {
        listener()
      })
    },
  )
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** The signed-in views once loaded; loads them when `isNeeded` and nobody has yet. */
export function useSignedInViews(isNeeded: boolean): SignedInViews | null | undefined {
  const loaded = useSyncExternalStore(subscribe, () => views)
  useEffect(() => {
    if (isNeeded) preloadSignedInViews()
  }, [isNeeded])
  return loaded
}
