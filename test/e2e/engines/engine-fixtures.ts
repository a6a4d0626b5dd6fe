import { launchChromium } from '../../engines/chromium-engine.ts'
import type { Engine, EngineName, EngineSession } from '../../engines/engine.ts'
import { findFirefox, findWebKitPrograms } from '../../engines/engine-programs.ts'
import { launchFirefox } from '../../engines/firefox-engine.ts'
import { launchWebKit } from '../../engines/webkit-engine.ts'
import { test as base } from '../fixtures.ts'

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

/** One engine per worker (a launch costs seconds); a fresh profile for every test. */
export const test = base.extend<{ session: EngineSession }, EngineOptions & { engine: Engine }>({
  engineName: ['chromium', { option: true, scope: 'worker' }],
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
