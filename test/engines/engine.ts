/**
 * The driver-neutral surface the engine scenarios are written against, once: Chromium through
 * Playwright, Firefox through puppeteer-core (WebDriver BiDi), WebKitGTK through W3C WebDriver.
 * Everything a scenario reads goes through `evaluate`: no wait-for-function helpers, which the
 * app's CSP refuses (they eval a string in the page); scenarios poll instead (see `waitUntil`).
 */
export type EngineName = 'chromium' | 'firefox' | 'webkit'

export interface EngineTab {
  goto(url: string): Promise<void>
  reload(): Promise<void>
  url(): Promise<string>
  /** Runs an (async) function body in the page; `return` gives back a JSON value. */
  evaluate<T>(body: string): Promise<T>
  /** A real click (the driver's own input) on the first element the XPath finds, once it exists. */
  click(xpath: string): Promise<void>
  /**
   * Runs `body` before the page's own scripts on every later load of this tab. False where the
   * driver cannot (WebKitGTK's WebDriver has no preload scripts); the scenario then says so.
   */
  addInitScript(body: string): Promise<boolean>
}

/** One browsing profile: its tabs share cookies and storage; sessions share nothing. */
export interface EngineSession {
  newTab(): Promise<EngineTab>
  close(): Promise<void>
}

export interface Engine {
  name: EngineName
  /** The browser's own version string. */
  version: string
  newSession(): Promise<EngineSession>
  close(): Promise<void>
}

/** Polls `check` every `intervalMs` until it returns true; throws with `what` after `timeoutMs`. */
export async function waitUntil(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs = 10_000,
  intervalMs = 100,
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  let lastError: unknown
  for (;;) {
    try {
      if (await check()) return
    } catch (error: unknown) {
      lastError = error // a navigation in progress: the next poll sees the new page
    }
    if (Date.now() > deadline) {
      const cause = lastError instanceof Error ? ` (last error: ${lastError.message})` : ''
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${cause}`)
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs))
  }
}
