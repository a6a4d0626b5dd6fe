import { vi } from 'vitest'

/** A network that never answers: the request only ends when its AbortSignal fires. */
export function stubFetchThatNeverAnswers(): void {
  vi.stubGlobal(
    'fetch',
    (_: string, init: RequestInit) =>
      new Promise((_resolve, reject) => {
        init.signal?.addEventListener('abort', () => {
          reject(init.signal?.reason as Error)
        })
      }),
  )
}
