import { SILENT_RENEW_HTML } from '../../../packages/static-signin/src/hosting/silent-renew-page.ts'
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  BOOT_SCRIPT,
  BOOT_SCRIPT_HASH,
  BOOT_STYLE,
  BOOT_STYLE_HASH,
  SILENT_RENEW_SCRIPT_HASH,
} from '../../../packages/static-signin/src/config/boot.ts'
import { buildContentSecurityPolicy } from '../../../packages/static-signin/src/hosting/security-headers.ts'

const hashOf = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`

describe('the boot script and style', () => {
  it('are allowed by their hashes, which match their text exactly', () => {
    expect(BOOT_SCRIPT_HASH).toBe(hashOf(BOOT_SCRIPT))
    expect(BOOT_STYLE_HASH).toBe(hashOf(BOOT_STYLE))
    const policy = buildContentSecurityPolicy('https://accounts.google.com')
    expect(policy).toContain(`script-src 'self' ${BOOT_SCRIPT_HASH} ${SILENT_RENEW_SCRIPT_HASH};`)
    expect(policy).toContain(`style-src 'self' ${BOOT_STYLE_HASH};`)
    expect(policy).not.toContain('unsafe-inline')
  })

  it('allow the renewal page’s inline script by its hash, which matches the page the plugin writes', () => {
    const page = SILENT_RENEW_HTML
    const scripts = [...page.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '')
    expect(scripts).toHaveLength(1)
    expect(page).not.toMatch(/<script[^>]+src=/)
    expect(SILENT_RENEW_SCRIPT_HASH).toBe(hashOf(scripts[0] ?? ''))
  })
})
