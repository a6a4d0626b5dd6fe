import { GOOGLE_HOSTS } from '../google/wire-format.ts'
import { STAND_IN_PORT } from './ports.ts'

const NOWHERE_ELSE = 'MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost'

/** Chromium flags for headless runs here (docs/test-machine.md). */
const BASE_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** Anything but this machine fails at once instead of hanging. */
export const LOCAL_ARGS = [...BASE_ARGS, `--host-resolver-rules=${NOWHERE_ELSE}`]

/**
 * Google's hostnames resolve to the stand-in's port; everything else but this machine fails.
 * Chromium trusts the stand-in's certificate by its public key alone, not as a CA: nothing else
 * it would accept changes.
 */
export function googleArgs(spkiHash: string): string[] {
  const maps = GOOGLE_HOSTS.map((host) => `MAP ${host} 127.0.0.1:${STAND_IN_PORT}`)
  return [
    ...BASE_ARGS,
    `--host-resolver-rules=${[...maps, NOWHERE_ELSE].join(', ')}`,
    `--ignore-certificate-errors-spki-list=${spkiHash}`,
  ]
}
