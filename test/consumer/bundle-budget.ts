import { measureInitialJs, measureLazyJs } from '../tools/measure-bundle.ts'

/**
 * What static-signin may add to a consumer's initial JavaScript (gzip), over the same app
 * without it: measured at 5,270 bytes on 2026-12-02 for the README's quickstart (72,895 against
 * 67,625 for plain React 19); the budget leaves about 10% room.
 */
export const ADDED_BUDGET_BYTES = 5_800
/**
 * The lazy chunks (the sign-in engine, loaded after the first paint, and what only it imports),
 * gzip: measured at 31,425 bytes on 2026-12-02, with about 8% room.
 */
export const LAZY_BUDGET_BYTES = 34_000

export interface BundleFigures {
  /** The consumer's initial JS (what index.html loads), gzip. */
  consumerBytes: number
  /** The same app with static-signin removed. */
  plainBytes: number
  addedBytes: number
  lazyBytes: number
  lazyFiles: [string, number][]
}

export function measureConsumer(consumerDist: string, plainDist: string): BundleFigures {
  const consumerBytes = measureInitialJs(consumerDist).gzipBytes
  const plainBytes = measureInitialJs(plainDist).gzipBytes
  const lazy = measureLazyJs(consumerDist)
  return {
    consumerBytes,
    plainBytes,
    addedBytes: consumerBytes - plainBytes,
    lazyBytes: lazy.gzipBytes,
    lazyFiles: lazy.files,
  }
}

/** Each budget the figures exceed, as a sentence; empty when within budget. */
export function checkBudget(figures: BundleFigures): string[] {
  const over: string[] = []
  if (figures.addedBytes > ADDED_BUDGET_BYTES)
    over.push(
      `static-signin adds ${figures.addedBytes} bytes gzip to the consumer's initial JS, over the budget of ${ADDED_BUDGET_BYTES} (test/consumer/bundle-budget.ts)`,
    )
  if (figures.lazyBytes > LAZY_BUDGET_BYTES)
    over.push(
      `the consumer's lazy chunks are ${figures.lazyBytes} bytes gzip, over the budget of ${LAZY_BUDGET_BYTES} (test/consumer/bundle-budget.ts)`,
    )
  return over
}

export function describeFigures(figures: BundleFigures): string {
  return [
    `initial JS, gzip: consumer ${figures.consumerBytes} bytes, plain React app ${figures.plainBytes} bytes, added by static-signin ${figures.addedBytes} bytes (budget ${ADDED_BUDGET_BYTES})`,
    `lazy chunks, gzip: ${figures.lazyBytes} bytes (budget ${LAZY_BUDGET_BYTES}): ${figures.lazyFiles.map(([name, gz]) => `${name} ${gz}`).join(', ')}`,
  ].join('\n')
}
