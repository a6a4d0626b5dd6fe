import { test as base, type APIRequestContext } from '@playwright/test'
import type { HostileScenarioName } from '../provider/hostile-scenarios.ts'
import type { LoggedRequest } from '../provider/request-log.ts'
import type { CalendarBehaviour } from '../provider/scenario.ts'
import { PROVIDER_ORIGIN, RT_PROVIDER_ORIGIN } from './ports.ts'

/** Mirrors test/provider/scenario.ts: what a test may switch on the provider. */
export interface ScenarioChanges {
  tokenTtlSeconds?: number
  refuseFraming?: boolean
  silentDelayMs?: number
  hostile?: HostileScenarioName
  calendar?: CalendarBehaviour
  extraGrantedScope?: string
}

/** Switches the local provider's behaviour for this test (unset fields take their defaults). */
export async function setScenario(
  request: APIRequestContext,
  changes: ScenarioChanges,
  provider = PROVIDER_ORIGIN,
): Promise<void> {
  const response = await request.post(`${provider}/__test/scenario`, { data: changes })
  if (!response.ok()) throw new Error(`scenario not set: HTTP ${response.status()}`)
}

/** Ends every session at the provider, so that `prompt=none` answers login_required. */
export async function endProviderSessions(request: APIRequestContext): Promise<void> {
  const response = await request.post(`${PROVIDER_ORIGIN}/__test/end-sessions`)
  if (!response.ok()) throw new Error(`sessions not ended: HTTP ${response.status()}`)
}

/** Forgets what every account granted the app, as if each had removed its access at Google. */
export async function forgetProviderGrants(
  request: APIRequestContext,
  provider = PROVIDER_ORIGIN,
): Promise<void> {
  const response = await request.post(`${provider}/__test/forget-grants`)
  if (!response.ok()) throw new Error(`grants not forgotten: HTTP ${response.status()}`)
}

/** What the provider answered since this test set its scenario: the network, seen from there. */
export async function readProviderLog(request: APIRequestContext): Promise<LoggedRequest[]> {
  const response = await request.get(`${PROVIDER_ORIGIN}/__test/requests`)
  return (await response.json()) as LoggedRequest[]
}

/**
 * Every test starts with the provider in its default, Google-like scenario, and with nothing
 * granted: a grant outlives the browser (as at Google), so one test's consent would else leak
 * into the next.
 */
export const test = base.extend<{ provider: undefined }>({
  provider: [
    async ({ request }, use) => {
      await setScenario(request, {})
      await setScenario(request, {}, RT_PROVIDER_ORIGIN)
      await forgetProviderGrants(request)
      await forgetProviderGrants(request, RT_PROVIDER_ORIGIN)
      await use(undefined)
    },
    { auto: true },
  ],
})

export { expect } from '@playwright/test'
