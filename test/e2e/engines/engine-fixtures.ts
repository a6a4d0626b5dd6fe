import { launchChromium } from '../../engines/chromium-engine.ts'
import type { Engine, EngineName, EngineSession } from '../../engines/engine.ts'
import { findFirefox, findWebKitPrograms } from '../../engines/engine-programs.ts'
import { launchFirefox } from '../../engines/firefox-engine.ts'
import { launchWebKit } from '../../engines/webkit-engine.ts'
import { test as base } from '../fixtures.ts'
import { describeMissingTools } from '../../tools/missing-tools.ts'

export interface EngineOptions {
  engineName: EngineName
}

async function launch(name: EngineName): Promise<Engine> {
  if (name === 'chromium') return launchChromium()
  if (name === 'firefox') {
    const firefox = findFirefox()
    if (!firefox) throw new Error('Firefox ESR not found (npm test installs firefox-esr)')
    return launchFirefox(firefox)
  }
  return launchWebKit(findWebKitPrograms())
}

/** Debian's packages behind each engine other than Chromium, which is never optional. */
const ENGINE_PACKAGE_NAMES: Record<EngineName, string[]> = {
  chromium: [],
  firefox: ['firefox-esr'],
  webkit: ['webkit2gtk-driver', 'xvfb'],
}

/**
 * One engine per worker (a launch costs seconds); a fresh profile for every test. An engine that
 * could not be installed here (no root) skips each of its tests, with the reason, before launching.
 */
export const test = base.extend<
  { session: EngineSession; skipWithoutEngine: undefined },
  EngineOptions & { engine: Engine }
>({
  engineName: ['chromium', { option: true, scope: 'worker' }],
  skipWithoutEngine: [
    async ({ engineName }, use, testInfo) => {
      const missing = describeMissingTools(ENGINE_PACKAGE_NAMES[engineName])
      testInfo.skip(missing !== undefined, `${engineName} is not installed here: ${missing ?? ''}`)
      await use(undefined)
    },
    { auto: true },
  ],
  engine: [
    async ({ engineName }, use) => {
      const engine = await launch(engineName)
      await use(engine)
      await engine.close()
    },
    { scope: 'worker', timeout: 60_000 },
  ],
  session: async ({ engine }, use) => {
    const session = await engine.newSession()
    await use(session)
    await session.close()
  },
})

export { expect } from '@playwright/test'
export { readProviderLog } from '../fixtures.ts'
