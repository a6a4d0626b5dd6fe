import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  REQUEST_TIMEOUT_SECONDS,
  RESTORE_TIMEOUT_SECONDS,
} from '../../packages/static-signin/src/oidc/create-user-manager.ts'
import { CLOCK_TOLERANCE_SECONDS } from '../../packages/static-signin/src/oidc/validate-id-token.ts'
import { MAX_CLOCK_OFFSET_MS } from '../../packages/static-signin/src/oidc/device-clock.ts'
import { RECHECK_IFRAME_AFTER_MS } from '../../packages/static-signin/src/session/restore-path.ts'
import { RECENT_LEAVE_MS } from '../../packages/static-signin/src/session/top-level-restore.ts'

// A number in the README is a promise: each one here is read from the code that keeps it.
const readme = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8').replace(
  /\s+/g,
  ' ',
)

describe('the README’s figures', () => {
  it('restore: the iframe’s time box, then the code exchange’s', () => {
    expect(readme).toContain(
      `It takes at most ${RESTORE_TIMEOUT_SECONDS + REQUEST_TIMEOUT_SECONDS} s: the hidden iframe gets ${RESTORE_TIMEOUT_SECONDS} s to answer`,
    )
    expect(readme).toContain(`then the code exchange up to ${REQUEST_TIMEOUT_SECONDS} s`)
  })

  it('top-level restore: when the iframe is tried again, and how long a lost round trip holds the next', () => {
    expect(RECHECK_IFRAME_AFTER_MS).toBe(7 * 24 * 3600_000)
    expect(readme).toContain('after a week the iframe is tried again')
    expect(RECENT_LEAVE_MS).toBe(2 * 60_000)
    expect(readme).toContain('within two minutes of a round trip')
  })

  it('ID token times: the tolerance and the largest device clock offset corrected', () => {
    expect(readme).toContain(`${CLOCK_TOLERANCE_SECONDS / 60}-minute tolerance`)
    expect(MAX_CLOCK_OFFSET_MS).toBe(24 * 3600_000)
    expect(readme).toContain('A clock more than a day off is refused')
  })
})
