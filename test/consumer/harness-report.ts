import { fileURLToPath } from 'node:url'
import type { BundleFigures } from './bundle-budget.ts'

/**
 * Where serve-consumer.ts writes how the harness went, for the consumer spec to read: under the
 * repository's .e2e/, which Playwright's run owns (the harness itself writes only to the system's
 * temporary directory).
 */
export const HARNESS_REPORT = fileURLToPath(
  new URL('../../.e2e/consumer-harness.json', import.meta.url),
)

export type HarnessReport =
  | { ok: true; figures: BundleFigures; timings: Record<string, number>; appDir: string }
  | { ok: false; error: string }
