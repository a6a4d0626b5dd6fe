/**
 * Makes sure a Chromium is available for the end-to-end tests: finds $CHROMIUM_PATH or Debian's
 * package, else installs the Debian package `chromium` when running as root with apt-get, else
 * explains what to do. Exits non-zero only when there is no way to get one.
 */
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { findChromium } from './find-chromium.ts'

function explainAndExit(reason: string): never {
  console.error(`\nEnd-to-end tests need Chromium: ${reason}
  - On Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y chromium
  - Elsewhere: install Chromium or Chrome and set CHROMIUM_PATH=/path/to/chrome
  (Playwright's own browser download is not used: 'npx playwright install' needs internet access.)\n`)
  process.exit(1)
}

const found = findChromium()
if (found) {
  console.log(`Chromium: ${found}`)
} else if (process.env.CHROMIUM_PATH) {
  explainAndExit(`CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist.`)
} else if (process.platform !== 'linux' || !existsSync('/usr/bin/apt-get')) {
  explainAndExit('none was found and this is not a Debian-like system.')
} else if (process.getuid?.() !== 0) {
  explainAndExit('none was found and installing it needs root.')
} else {
  console.log('Chromium not found: installing the Debian package "chromium" (about a minute)…')
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' })
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    })
  } catch {
    explainAndExit('apt-get could not install it.')
  }
  const installed = findChromium()
  if (!installed) explainAndExit('the package installed, but no chromium binary was found.')
  console.log(`Chromium: ${installed}`)
}
