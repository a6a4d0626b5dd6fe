import type { Adapter, AdapterPayload } from 'oidc-provider'

/** All stored models, by model name then id. Module-level, like oidc-provider's own MemoryAdapter. */
const stores = new Map<string, Map<string, AdapterPayload>>()

function storeFor(model: string): Map<string, AdapterPayload> {
  let store = stores.get(model)
  if (!store) {
    store = new Map()
    stores.set(model, store)
  }
  return store
}

/**
 * A plain in-memory adapter that, unlike the built-in one, can forget every provider session at
 * once: the tests use it to end the person's session at the provider (so `prompt=none` fails).
 */
export class MemoryAdapter implements Adapter {
  readonly #store: Map<string, AdapterPayload>

  constructor(model: string) {
    this.#store = storeFor(model)
  }

  static endAllSessions(): void {
    storeFor('Session').clear()
  }

  upsert(id: string, payload: AdapterPayload): Promise<void> {
    this.#store.set(id, payload)
    return Promise.resolve()
  }

  find(id: string): Promise<AdapterPayload | undefined> {
    return Promise.resolve(this.#store.get(id))
  }

  findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
    return Promise.resolve([...this.#store.values()].find((p) => p.userCode === userCode))
  }

  findByUid(uid: string): Promise<AdapterPayload | undefined> {
    return Promise.resolve([...this.#store.values()].find((p) => p.uid === uid))
  }

  consume(id: string): Promise<void> {
    const payload = this.#store.get(id)
    if (payload) payload.consumed = Math.floor(Date.now() / 1000)
    return Promise.resolve()
  }

  destroy(id: string): Promise<void> {
    this.#store.delete(id)
    return Promise.resolve()
  }

  revokeByGrantId(grantId: string): Promise<void> {
    for (const [id, payload] of this.#store) if (payload.grantId === grantId) this.#store.delete(id)
    return Promise.resolve()
  }
}
