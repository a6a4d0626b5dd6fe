import type { OidcMetadata } from 'oidc-client-ts'

/**
 * This tab's copy of a provider's discovery document (not Google's: that one is embedded), kept
 * in sessionStorage from the sign-in's start to its callback, so the callback page redeems the code
 * without fetching discovery again first. It is read back only for the same issuer, and then checked
 * like a fetched one (SecureUserManager.prepare). Public data, never a token.
 */
export class MetadataCache {
  readonly #storage: Storage
  readonly #key: string
  readonly #issuer: string

  constructor(storage: Storage, issuer: string) {
    this.#storage = storage
    this.#issuer = issuer
    this.#key = `static-signin.metadata:${issuer}`
  }

  read(): Partial<OidcMetadata> | undefined {
    try {
      const value: unknown = JSON.parse(this.#storage.getItem(this.#key) ?? 'null')
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined
      const metadata = value as Partial<OidcMetadata>
      return metadata.issuer === this.#issuer ? metadata : undefined
    } catch {
      return undefined // unreadable or storage disabled: discovery is fetched as usual
    }
  }

  write(metadata: Partial<OidcMetadata>): void {
    try {
      this.#storage.setItem(this.#key, JSON.stringify(metadata))
    } catch {
      // storage full or disabled: the callback fetches discovery itself
    }
  }
}
