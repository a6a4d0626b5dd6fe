import type { EngineSession, EngineTab } from './engine.ts'

/** What a Playwright or a puppeteer page offers under the same names. */
interface NavigablePage {
  goto(url: string): Promise<unknown>
  reload(): Promise<unknown>
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
        goto: async (url) => {
          await page.goto(url)
        },
        reload: async () => {
          await page.reload()
        },
        url: () => Promise.resolve(page.url()),
        ...adapt(page),
      }
    },
    close: () => context.close(),
  }
}
