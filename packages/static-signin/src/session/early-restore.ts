import { ErrorTimeout } from 'oidc-client-ts'

/**
 * The early restore: a reload's silent sign-in, opened by the page's boot script (config/boot.ts)
 * before any of the app's JavaScript has arrived, so that the provider's round trip runs beside
 * the download instead of after it, and after React has rendered.
 *
 * The boot script is fixed text and builds nothing: a page with a session prepares its next load's
 * request here, with oidc-client-ts ({@link EarlyRestore.prepare}), and keeps only its URL in this
 * tab's sessionStorage. The next load's boot script takes that URL once, opens it in a hidden
 * iframe, and keeps the answer that `silent-renew.html` posts. The keeper then redeems that answer
 * as it would its own iframe's, through every check, or drops it ({@link EarlyRestore.discard}).
 * Nothing secret is added to storage: the request's state (PKCE verifier, nonce) waits in the same
 * sessionStorage state store as every request's; no token is ever kept.
 */

/** Where a page keeps its next load's request, per client ID: this tab only. */
export const EARLY_RESTORE_KEY_PREFIX = 'static-signin.early-restore:'

/** The one global the boot script sets when it opened a request. */
export const EARLY_RESTORE_GLOBAL = '__staticSigninEarlyRestore'

/** What a page keeps for its next load. */
export interface EarlyRestoreRecord {
  /** The authorization request, `prompt=none`, redirecting to silent-renew.html. */
  url: string
  /** The state store's key of its state. */
  state: string
  /** The account it asks for (`login_hint`). */
  loginHint: string
}

/** What the boot script leaves on `window`: the record it opened, the frame, the answer. */
interface BootHandoff {
  record: unknown
  frame: HTMLIFrameElement
  /** The answer's URL, once silent-renew.html posted it. */
  response?: string
  /** Set by the keeper: called when the answer arrives. */
  notify?: () => void
}

/** What redeeming the boot script's request needs. */
export interface EarlyAttempt {
  /** The answer's URL, or an `ErrorTimeout` like the library's iframe's after `timeoutSeconds`. */
  waitForResponse(timeoutSeconds: number): Promise<string>
}

function isRecord(value: unknown): value is EarlyRestoreRecord {
  const record = value as Partial<EarlyRestoreRecord> | null
  return (
    typeof record === 'object' &&
    record !== null &&
    typeof record.url === 'string' &&
    typeof record.state === 'string' &&
    typeof record.loginHint === 'string'
  )
}

export class EarlyRestore {
  readonly #storage: Storage
  readonly #key: string
  readonly #window: Record<string, unknown>
  /** The state of the request this page prepared for its next load. */
  #prepared: string | undefined
  /** The boot script's attempt, until taken or discarded. */
  #handoff: BootHandoff | undefined

  constructor(storage: Storage, clientId: string, window: object) {
    this.#storage = storage
    this.#key = `${EARLY_RESTORE_KEY_PREFIX}${clientId}`
    this.#window = window as Record<string, unknown>
    const handoff = this.#window[EARLY_RESTORE_GLOBAL] as BootHandoff | undefined
    if (handoff && typeof handoff === 'object' && 'frame' in handoff) this.#handoff = handoff
    Reflect.deleteProperty(this.#window, EARLY_RESTORE_GLOBAL)
  }

  /**
   * Prepares the next load's restore for `loginHint`, replacing this page's earlier one (whose
   * state it forgets). Quiet on failure: the next load then restores the usual way.
   */
  async prepare(
    create: (loginHint: string) => Promise<{ url: string; state: string }>,
    forgetState: (state: string) => Promise<void>,
    loginHint: string,
  ): Promise<void> {
    try {
      const { url, state } = await create(loginHint)
      const earlier = this.#prepared
      this.#prepared = state
      if (earlier !== undefined) await forgetState(earlier)
      const record: EarlyRestoreRecord = { url, state, loginHint }
      this.#storage.setItem(this.#key, JSON.stringify(record))
    } catch {
      // storage full or disabled, or discovery failed: the next load restores after its scripts
    }
  }

  /** No next load restores early (signed out here): the record goes, and its state. */
  async forget(forgetState: (state: string) => Promise<void>): Promise<void> {
    const prepared = this.#prepared
    this.#prepared = undefined
    try {
      this.#storage.removeItem(this.#key)
    } catch {
      // nothing to remove
    }
    if (prepared !== undefined) await forgetState(prepared)
  }

  /** The boot script's attempt, once, if it asked for `loginHint`; else none. */
  take(loginHint: string | undefined): EarlyAttempt | undefined {
    const handoff = this.#handoff
    if (!handoff || !isRecord(handoff.record) || handoff.record.loginHint !== loginHint) {
      return undefined
    }
    this.#handoff = undefined
    return {
      waitForResponse: (timeoutSeconds) =>
        new Promise<string>((resolve, reject) => {
          const settle = (response: string | undefined) => {
            clearTimeout(timer)
            handoff.notify = undefined
            handoff.frame.remove()
            if (response === undefined) {
              reject(new ErrorTimeout('IFrame timed out without a response'))
            } else {
              resolve(response)
            }
          }
          const timer = setTimeout(() => {
            settle(undefined)
          }, timeoutSeconds * 1000)
          if (handoff.response !== undefined) settle(handoff.response)
          else
            handoff.notify = () => {
              settle(handoff.response)
            }
        }),
    }
  }

  /**
   * Drops the boot script's attempt if nobody took it (no restore, another account, the top-level
   * path): its frame goes, and its state, so its answer can never be redeemed.
   */
  async discard(forgetState: (state: string) => Promise<void>): Promise<void> {
    const handoff = this.#handoff
    this.#handoff = undefined
    if (!handoff) return
    handoff.notify = undefined
    handoff.frame.remove()
    if (isRecord(handoff.record)) await forgetState(handoff.record.state)
  }
}
