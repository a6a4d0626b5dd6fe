import { existsSync, readdirSync } from 'node:fs'
import { firstExisting, type DebianNeed } from '../tools/debian-packages.ts'
import type { WebKitPrograms } from './webkit-engine.ts'

/** MiniBrowser ships inside WebKitGTK's library package, under the multiarch folder. */
function findMiniBrowser(): string | undefined {
  const lib = '/usr/lib'
  if (!existsSync(lib)) return undefined
  return readdirSync(lib)
    .map((arch) => `${lib}/${arch}/webkit2gtk-4.1/MiniBrowser`)
    .find((path) => existsSync(path))
}

export const findFirefox = () => process.env.FIREFOX_PATH ?? firstExisting('/usr/bin/firefox-esr')()

export const ENGINE_PACKAGES: DebianNeed[] = [
  {
    pkg: 'firefox-esr',
    find: findFirefox,
    purpose: 'the Firefox engine of the end-to-end matrix',
    elsewhere: 'Elsewhere: install Firefox ESR and set FIREFOX_PATH=/path/to/firefox',
  },
  {
    pkg: 'webkit2gtk-driver',
    find: () => (findMiniBrowser() ? firstExisting('/usr/bin/WebKitWebDriver')() : undefined),
    purpose: 'WebKitGTK and its WebDriver, the WebKit engine of the matrix',
    elsewhere: 'Elsewhere: install WebKitGTK 4.1 with WebKitWebDriver and MiniBrowser',
  },
  {
    pkg: 'xvfb',
    find: firstExisting('/usr/bin/Xvfb'),
    purpose: 'a virtual display for WebKitGTK',
    elsewhere: 'Elsewhere: install Xvfb',
  },
]

/** WebKitGTK's programs, once ENGINE_PACKAGES are installed. */
export function findWebKitPrograms(): WebKitPrograms {
  const miniBrowser = findMiniBrowser()
  if (!miniBrowser) throw new Error('MiniBrowser not found: install webkit2gtk-driver')
  return { driver: '/usr/bin/WebKitWebDriver', miniBrowser, xvfb: '/usr/bin/Xvfb' }
}
