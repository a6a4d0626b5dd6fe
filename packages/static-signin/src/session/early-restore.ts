import { ErrorTimeout } from 'oidc-client-ts'
import { ENGINE_META_NAME } from '../config/boot.ts'

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
 * No token is ever kept. The request's state (PKCE verifier, nonce) waits in the same sessionStorage
 * state store as every pending request's, for as long as the tab's session lasts rather than for
 * one round trip; it goes when the session ends, when the request is used or dropped, and when a
 * newer one replaces it.
 */

/** Where a page keeps its next load's request, per client ID: this tab only. */
export const EARLY_RESTORE_KEY_PREFIX = 'static-signin.early-restore:'

/** The one global the boot script sets when it took a request. */
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

/**
 * What the boot script leaves on `window`: the storage key and record it took, and, when it could
 * open it (online, an http(s) URL), the frame, whether that loaded, and the answer.
 */
interface BootHandoff {
  key: string
  record: unknown
  frame?: HTMLIFrameElement
  /** How many documents the frame has loaded (a provider's own page, then the answer's). */
  loads?: number
  /** The answer's URL, once silent-renew.html posted it. */
  response?: string
  /** Set by the keeper: called when the answer arrives or the frame loads. */
  notify?: () => void
}

/** A message posted just before its frame's load event may still be queued: this long. */
const ANSWER_AFTER_OWN_PAGE_MS = 100

/**
 * After a page the app cannot read (the provider's, or the browser's error page), this long
 * without another: a provider that moves on by script or form loads its next page sooner.
 */
const ANSWER_AFTER_OTHER_PAGE_MS = 1500

/**
 * The boot script's frame stopped on a page without an answer (an error page, no network at
 * boot, a redirect URI the provider refused): the keeper restores the usual way instead.
 */
export class EarlyRestoreUnanswered extends Error {
  override readonly name = 'EarlyRestoreUnanswered'
}

/** What redeeming the boot script's request needs. */
export interface EarlyAttempt {
  /** The state store's key of its request's state. */
  state: string
  /**
   * The answer's URL; {@link EarlyRestoreUnanswered} once the frame stopped on a page without
   * one; or an `ErrorTimeout` like the library's own iframe's when no answer came within
   * `timeoutSeconds`. Its frame goes either way; without an answer, its state goes too.
   */
  waitForResponse(timeoutSeconds: number): Promise<string>
}

/** How requests are made and forgotten: the sign-in manager's state store. */
export interface EarlyRequests {
  create(loginHint: string): Promise<{ url: string; state: string }>
  forget(state: string): Promise<void>
}

/** The frame shows a page of this origin (the renewal page), not the provider's or an error. */
function isOwnPage(frame: HTMLIFrameElement): boolean {
  try {
    return frame.contentWindow?.location.origin === window.location.origin
  } catch {
    return false // another origin's document: not readable
  }
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
  readonly #requests: EarlyRequests
  /** The state of the request this page prepared for its next load. */
  #prepared: string | undefined
  /** Advanced by {@link forget}: a preparation that began before it stores nothing. */
  #revision = 0
  /** The boot script's attempt, until taken or discarded. */
  #handoff: BootHandoff | undefined
  /** This page has the boot script for this client: a next load of it can open a request. */
  readonly #canOpen: boolean

  constructor(storage: Storage, clientId: string, window: object, requests: EarlyRequests) {
    this.#storage = storage
    this.#requests = requests
    this.#key = `${EARLY_RESTORE_KEY_PREFIX}${clientId}`
    this.#window = window as Record<string, unknown>
    const page = (window as { document?: Document }).document
    const meta = page?.querySelector(`meta[name="${ENGINE_META_NAME}"]`)
    this.#canOpen = meta?.getAttribute('data-client') === clientId
    const handoff = this.#window[EARLY_RESTORE_GLOBAL] as BootHandoff | undefined
    // Another client's, on a shared origin, is not this engine's to redeem or drop.
    if (typeof handoff === 'object' && handoff.key === this.#key) {
      this.#handoff = handoff
      Reflect.deleteProperty(this.#window, EARLY_RESTORE_GLOBAL)
    }
  }

  /**
   * Prepares the next load's restore for `loginHint`, replacing the one kept before (by this page
   * or an earlier one of this tab), whose state it forgets. Stores nothing if the session ended
   * meanwhile (`isCurrent`, or a {@link forget} since). Quiet on failure: the next load then
   * restores the usual way.
   */
  async prepare(loginHint: string, isCurrent: () => boolean): Promise<void> {
    const requests = this.#requests
    if (!this.#canOpen) return // no boot script (the dev server, boot: false): nothing would open it
    const revision = this.#revision
    try {
      const { url, state } = await requests.create(loginHint)
      if (revision !== this.#revision || !isCurrent()) {
        await requests.forget(state)
        return
      }
      const earlier = new Set([this.#prepared, this.#readStoredState()])
      this.#prepared = state
      const record: EarlyRestoreRecord = { url, state, loginHint }
      this.#storage.setItem(this.#key, JSON.stringify(record))
      for (const old of earlier) if (old !== undefined && old !== state) await requests.forget(old)
    } catch {
      // storage full or disabled, or discovery failed: the next load restores after its scripts
    }
  }

  /** No next load restores early (the session ended here): the record goes, and its state. */
  async forget(): Promise<void> {
    this.#revision += 1
    const states = new Set([this.#prepared, this.#readStoredState()])
    this.#prepared = undefined
    try {
      this.#storage.removeItem(this.#key)
    } catch {
      // nothing to remove
    }
    for (const state of states) if (state !== undefined) await this.#requests.forget(state)
  }

  #readStoredState(): string | undefined {
    try {
      const record: unknown = JSON.parse(this.#storage.getItem(this.#key) ?? 'null')
      return isRecord(record) ? record.state : undefined
    } catch {
      return undefined
    }
  }

  /** The boot script's attempt, once, if it opened one for `loginHint`; else none. */
  take(loginHint: string | undefined): EarlyAttempt | undefined {
    const requests = this.#requests
    const handoff = this.#handoff
    const frame = handoff?.frame
    const record = handoff?.record
    if (!handoff || !frame || !isRecord(record) || record.loginHint !== loginHint) {
      return undefined
    }
    this.#handoff = undefined
    return {
      state: record.state,
      waitForResponse: (timeoutSeconds) =>
        new Promise<string>((resolve, reject) => {
          let grace: ReturnType<typeof setTimeout> | undefined
          let seenLoads = 0
          const settle = (outcome: string | Error) => {
            clearTimeout(timeout)
            clearTimeout(grace)
            handoff.notify = undefined
            frame.remove()
            if (typeof outcome === 'string') {
              resolve(outcome)
              return
            }
            void requests.forget(record.state).finally(() => {
              reject(outcome)
            })
          }
          const look = () => {
            if (handoff.response !== undefined) {
              settle(handoff.response)
              return
            }
            const loads = handoff.loads ?? 0
            if (loads === seenLoads) return
            seenLoads = loads
            clearTimeout(grace)
            const wait = isOwnPage(frame) ? ANSWER_AFTER_OWN_PAGE_MS : ANSWER_AFTER_OTHER_PAGE_MS
            grace = setTimeout(() => {
              settle(new EarlyRestoreUnanswered('The frame stopped on a page without an answer.'))
            }, wait)
          }
          // No answer in time: as the library's own iframe timing out.
          const timeout = setTimeout(() => {
            settle(new ErrorTimeout('IFrame timed out without a response'))
          }, timeoutSeconds * 1000)
          handoff.notify = look
          look()
        }),
    }
  }

  /**
   * Drops the boot script's attempt if nobody took it (no restore, another account, the top-level
   * path), or the record it took but could not open: its frame goes, and its state, so that its
   * answer can never be redeemed.
   */
  async discard(): Promise<void> {
    const handoff = this.#handoff
    this.#handoff = undefined
    if (!handoff) return
    handoff.notify = undefined
    handoff.frame?.remove()
    if (isRecord(handoff.record)) await this.#requests.forget(handoff.record.state)
  }
}
