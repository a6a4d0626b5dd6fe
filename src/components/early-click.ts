/**
 * Takes the click on "Sign in" that index.html's boot script kept, if the person clicked the
 * prerendered button before the app was ready (packages/static-signin/src/config/boot.ts), and tells the script to keep
 * no more: from now on the app handles clicks itself.
 */
export function takeEarlyClick(): boolean {
  const root = document.documentElement
  root.setAttribute('data-ready', '')
  const wasClicked = root.hasAttribute('data-early-click')
  root.removeAttribute('data-early-click')
  return wasClicked
}
