import type { EngineSession, EngineTab } from '../../engines/engine.ts'
import { waitUntil } from '../../engines/engine.ts'

/** What a person would read and do in the app, through the driver-neutral tab only. */
export const EMAIL = 'ada.lovelace@example.com'

const literal = (text: string) => JSON.stringify(text)

export const buttonNamed = (name: string) => `//button[normalize-space()=${xpathLiteral(name)}]`
export const linkNamed = (name: string) => `//a[normalize-space()=${xpathLiteral(name)}]`

function xpathLiteral(text: string): string {
  return text.includes("'") ? `"${text}"` : `'${text}'`
}

export const readTestId = (tab: EngineTab, id: string) =>
  tab.evaluate<string | null>(
    `return document.querySelector('[data-testid=${literal(id)}]')?.textContent ?? null`,
  )

export const readText = (tab: EngineTab, selector: string) =>
  tab.evaluate<string>(`return document.querySelector(${literal(selector)})?.textContent ?? ''`)

export const hasButton = (tab: EngineTab, name: string) =>
  tab.evaluate<boolean>(
    `return [...document.querySelectorAll('button')].some((b) => b.textContent.trim() === ${literal(name)})`,
  )

export async function waitForText(
  tab: EngineTab,
  selector: string,
  text: string,
  timeoutMs?: number,
) {
  await waitUntil(
    `"${text}" in ${selector}`,
    async () => (await readText(tab, selector)).includes(text),
    timeoutMs,
  )
}

export async function waitForButton(tab: EngineTab, name: string, timeoutMs?: number) {
  await waitUntil(`the "${name}" button`, () => hasButton(tab, name), timeoutMs)
}

export async function waitForEmail(tab: EngineTab, timeoutMs?: number) {
  await waitUntil(
    'the email of the signed-in person',
    async () => (await readTestId(tab, 'email')) === EMAIL,
    timeoutMs,
  )
}

/** Signs in from the app's current page through the provider's account chooser. */
export async function signIn(tab: EngineTab): Promise<void> {
  await tab.click(buttonNamed('Sign in with Google'))
  await waitForText(tab, 'h1', 'Choose an account')
  await tab.click(buttonNamed('Continue'))
  await waitForEmail(tab)
}

/** A new tab of `session` on the app's home page at `origin`, signed in. */
export async function openSignedIn(session: EngineSession, origin: string): Promise<EngineTab> {
  const tab = await session.newTab()
  await tab.goto(`${origin}/`)
  await signIn(tab)
  return tab
}

/** Everything the app's origin keeps in this browser, as one string to search for tokens. */
export const dumpStorage = (tab: EngineTab) =>
  tab.evaluate<string>(`
    const dump = (s) => Object.fromEntries(Array.from({ length: s.length }, (_, i) => [s.key(i), s.getItem(s.key(i))]))
    const databases = indexedDB.databases ? (await indexedDB.databases()).map((d) => d.name) : []
    return JSON.stringify({ local: dump(localStorage), session: dump(sessionStorage), databases, cookie: document.cookie })`)

/** The page's own marker: gone if the page navigated (a renewal must not). */
export const markPage = (tab: EngineTab) =>
  tab.evaluate<null>('window.__notNavigated = true; return null')
export const isPageMarked = (tab: EngineTab) =>
  tab.evaluate<boolean>('return window.__notNavigated === true')

/** Watches, from before the app's scripts run, for the signed-out view's button (a flash). */
export const WATCH_SIGN_IN_BUTTON = `
  window.__sawSignInButton = false
  new MutationObserver(() => {
    // Rendered, not merely in the DOM: prerendered pages hold a hidden button while they start.
    for (const button of document.querySelectorAll('.gsi-button'))
      if (button.checkVisibility()) window.__sawSignInButton = true
  }).observe(document, { childList: true, subtree: true, attributes: true })`
export const sawSignInButton = (tab: EngineTab) =>
  tab.evaluate<boolean>('return window.__sawSignInButton === true')

/** Records every Content-Security-Policy violation event of the page into window.__violations. */
export const WATCH_CSP = `
  window.__violations = window.__violations ?? []
  document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI))`
export const readViolations = (tab: EngineTab) =>
  tab.evaluate<string[]>('return window.__violations ?? null')
