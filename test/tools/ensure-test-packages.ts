/**
 * Before the end-to-end suites: every browser and server they drive, found or installed from
 * Debian in one go (debian-packages.ts) — Chromium, Firefox ESR, WebKitGTK with its WebDriver and
 * Xvfb, nginx, Caddy, Python. Playwright's own browser download is not used: it needs internet.
 *
 * Chromium and Python are required: without them nothing runs, and this exits non-zero with what
 * to install. The other engines and servers are optional where they cannot be installed (no root):
 * the tests that need them are skipped by name with the reason (missing-tools.ts), never passed.
 */
import { ENGINE_PACKAGES } from '../engines/engine-programs.ts'
import { OPTIONAL_SERVER_PACKAGES, SERVER_PACKAGES } from '../hosts/static-servers.ts'
import { describeShortfall, installMissing } from './debian-packages.ts'
import { findChromium } from './find-chromium.ts'
import { writeMissingTools } from './missing-tools.ts'

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
const optional = new Set([...ENGINE_PACKAGES, ...OPTIONAL_SERVER_PACKAGES].map((need) => need.pkg))
const shortfall = installMissing(needs)
const required = shortfall?.missing.filter((need) => !optional.has(need.pkg)) ?? []
if (shortfall && required.length > 0) {
  console.error(describeShortfall({ ...shortfall, missing: required }))
  process.exit(1)
}
const skipped = shortfall?.missing ?? []
writeMissingTools(
  skipped.map((need) => ({
    pkg: need.pkg,
    why: `${shortfall?.reason ?? 'not found'} (sudo apt-get install -y ${need.pkg})`,
  })),
)
if (shortfall && skipped.length > 0) {
  console.warn(describeShortfall({ ...shortfall, missing: skipped }))
  console.warn('The tests that need them are SKIPPED, each named in the report below.\n')
}
for (const need of needs) console.log(`${need.pkg}: ${need.find() ?? 'missing (tests skipped)'}`)
