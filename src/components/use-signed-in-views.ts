import { useEffect, useSyncExternalStore } from 'react'

export type SignedInViews = typeof import('./signed-in-views-chunk.ts')

/** `undefined` while loading, `null` when the chunk could not be loaded. */
let views: SignedInViews | null | undefined
let loading: Promise<void> | undefined
const listeners = new Set<() => void>()

/**
 * Starts loading the signed-in views (their own chunk, so the signed-out page loads less). The app
 * asks for them as soon as a callback or a restore is known, so the chunk is in before the tokens
 * are; the notices after a sign-out or a session's end are in it too, since only a tab that had a
 * session shows them. A plain module cache, not React.lazy: a chunk already loaded renders at once, with no
 * Suspense fallback and no reveal delay.
 */
function preloadSignedInViews(): void {
  loading ??= import('./signed-in-views-chunk.ts').then(
    (chunk) => {
      views = chunk
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
  // Prerendered pages (src/prerender.tsx) are signed out: nothing loaded there.
  const loaded = useSyncExternalStore(
    subscribe,
    () => views,
    () => undefined,
  )
  useEffect(() => {
    if (isNeeded) preloadSignedInViews()
  }, [isNeeded])
  return loaded
}
