/**
 * Before the end-to-end suites: every browser and server they drive, found or installed from
 * Debian in one go (debian-packages.ts) — Chromium, Firefox ESR, WebKitGTK with its WebDriver and
 * Xvfb, nginx, Caddy, Python. Playwright's own browser download is not used: it needs internet.
 */
import { ENGINE_PACKAGES } from '../engines/engine-programs.ts'
import { SERVER_PACKAGES } from '../hosts/static-servers.ts'
import { ensureDebianPackages } from './debian-packages.ts'
import { findChromium } from './find-chromium.ts'

if (process.env.CHROMIUM_PATH && !findChromium()) {
  console.error(
    `\nCHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist: point it at a Chromium or Chrome, or unset it.\n`,
  )
  process.exit(1)
}
const needs = [
  {
    pkg: 'chromium',
    find: findChromium,
    purpose: 'the browser of the end-to-end tests',
    elsewhere: 'Elsewhere: install Chromium or Chrome and set CHROMIUM_PATH=/path/to/chrome',
  },
  ...ENGINE_PACKAGES,
  ...SERVER_PACKAGES,
]
const found = ensureDebianPackages(needs)
needs.forEach((need, i) => {
  console.log(`${need.pkg}: ${found[i] ?? ''}`)
})
