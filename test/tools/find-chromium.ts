import { existsSync } from 'node:fs'

/** Where Debian's Chromium may be; the binary itself first (the wrapper script prints warnings). */
const CANDIDATES = ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser']

/** The Chromium to drive: $CHROMIUM_PATH, else Debian's package. Undefined when there is none. */
export function findChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined
  return CANDIDATES.find((path) => existsSync(path))
}
