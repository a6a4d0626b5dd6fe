/**
 * Makes sure a Chromium is available for the end-to-end tests: $CHROMIUM_PATH or Debian's
 * package, installed when missing (see debian-packages.ts). Playwright's own browser download is
 * not used: `npx playwright install` needs internet access.
 */
import { ensureDebianPackages } from './debian-packages.ts'
import { findChromium } from './find-chromium.ts'

if (process.env.CHROMIUM_PATH && !findChromium()) {
  console.error(
    `\nCHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist: point it at a Chromium or Chrome, or unset it.\n`,
  )
  process.exit(1)
}
const [chromium] = ensureDebianPackages([
  {
    pkg: 'chromium',
    find: findChromium,
    purpose: 'the browser of the end-to-end tests',
    elsewhere: 'Elsewhere: install Chromium or Chrome and set CHROMIUM_PATH=/path/to/chrome',
  },
])
console.log(`Chromium: ${chromium}`)
