import type { EngineSession, EngineTab } from './engine.ts'

/** What a Playwright or a puppeteer page offers under the same names. */
interface NavigablePage {
  goto(url: string, options: { waitUntil: 'domcontentloaded' }): Promise<unknown>
  reload(options: { waitUntil: 'domcontentloaded' }): Promise<unknown>
  url(): string
}

/** A browser context of either library: a profile whose pages share cookies and storage. */
interface PageContext<P extends NavigablePage> {
  newPage(): Promise<P>
  close(): Promise<void>
}

/** An engine session over a library context; `adapt` supplies what differs between libraries. */
export function sessionOfContext<P extends NavigablePage>(
  context: PageContext<P>,
  adapt: (page: P) => Pick<EngineTab, 'evaluate' | 'click' | 'addInitScript'>,
): EngineSession {
  return {
    newTab: async () => {
      const page = await context.newPage()
      return {
        // Up to the parsed document only: the app may leave for the provider before its load event
        // (a top-level restore), which puppeteer's Firefox reports as a navigation that never
        // loads. Scenarios poll for what they expect anyway.
        goto: async (url) => {
          await page.goto(url, { waitUntil: 'domcontentloaded' })
        },
        reload: async () => {
          await page.reload({ waitUntil: 'domcontentloaded' })
        },
        url: () => Promise.resolve(page.url()),
        ...adapt(page),
      }
    },
    close: () => context.close(),
  }
}
