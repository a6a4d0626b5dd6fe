import { afterEach } from 'vitest'

type StorageName = 'localStorage' | 'sessionStorage'

const originals = new Map<StorageName, PropertyDescriptor>()

/**
 * As Chrome with "Block all cookies", Firefox with cookies off: reading `window.localStorage` (or
 * `sessionStorage`) itself throws. Put back after each test of the file that imports this.
 */
export function refuseStorage(...names: StorageName[]): void {
  for (const name of names) {
    const original = Object.getOwnPropertyDescriptor(window, name)
    if (!original) throw new Error(`window.${name} has no own property to replace`)
    if (!originals.has(name)) originals.set(name, original)
    Object.defineProperty(window, name, {
      get() {
        throw new DOMException('denied', 'SecurityError')
      },
      configurable: true,
    })
  }
}

// Registered on import, so before the setup file's own afterEach runs it clears both storages.
afterEach(() => {
  for (const [name, original] of originals) Object.defineProperty(window, name, original)
  originals.clear()
})
