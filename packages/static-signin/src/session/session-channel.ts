/**
 * What one tab tells the others, with the sign-out epoch it was said in (sign-out-epoch.ts): a
 * `signed-in` from before a sign-out is stale, a `signed-out` ends only sessions begun before it.
 * No token ever crosses tabs: each tab renews on its own.
 */
export interface SessionMessage {
  type: 'signed-in' | 'signed-out'
  epoch: number
  /**
   * Who signed in (`signed-in` only): a tab holding another account drops it at once and joins
   * this one (account-switch.ts). The `sub`, as in the session hint; never a token.
   */
  sub?: string
  /** Who signed in, as "Continue as <name>" shows it, where a tab cannot join silently. */
  name?: string | undefined
  /**
   * The tab restored the hint's account rather than the person signing in: never an account
   * switch for the tabs that hear it (account-switch.ts), only a session for those that have none.
   */
  isRestore?: boolean
}

function isSessionMessage(data: unknown): data is SessionMessage {
  if (typeof data !== 'object' || data === null) return false
  const { type, epoch, sub, name, isRestore } = data as {
    type?: unknown
    epoch?: unknown
    sub?: unknown
    name?: unknown
    isRestore?: unknown
  }
  return (
    (type === 'signed-in' || type === 'signed-out') &&
    (sub === undefined || (typeof sub === 'string' && /^[\x21-\x7e]{1,255}$/.test(sub))) &&
    typeof epoch === 'number' &&
    Number.isSafeInteger(epoch) &&
    epoch >= 0 &&
    (name === undefined || (typeof name === 'string' && name.length <= 200)) &&
    (isRestore === undefined || typeof isRestore === 'boolean')
  )
}

/**
 * The app's tabs talking over BroadcastChannel (same origin only, by the platform's design).
 * Without BroadcastChannel, tabs simply stay independent.
 */
export class SessionChannel {
  readonly #channel: BroadcastChannel | undefined

  constructor(name: string) {
    this.#channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(name)
  }

  post(message: SessionMessage): void {
    this.#channel?.postMessage(message)
  }

  /** Calls `listener` for every well-formed message from another tab; returns the unsubscribe. */
  listen(listener: (message: SessionMessage) => void): () => void {
    const channel = this.#channel
    if (!channel) return () => undefined
    const onMessage = (event: MessageEvent<unknown>) => {
      if (isSessionMessage(event.data)) listener(event.data)
    }
    channel.addEventListener('message', onMessage)
    return () => {
      channel.removeEventListener('message', onMessage)
    }
  }
}
