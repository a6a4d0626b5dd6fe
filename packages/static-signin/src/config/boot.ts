/**
 * The one inline script and the one inline style of every page, before any other code. Both are
 * fixed text, so their hashes below are fixed too, and every host's Content-Security-Policy can
 * allow them (test/unit/config/boot.test.ts checks each hash against its text).
 *
 * The pages are prerendered signed out (src/prerender.tsx), so the button paints before any
 * JavaScript. The script:
 * - on an authorization response, or where this browser had a session (the session hint in
 *   localStorage), marks the page `data-starting`: the style hides the prerendered page, so a person
 *   coming back never sees "Sign in" flash, and the app shows "Signing you in…";
 * - then preloads the sign-in engine, named in `<meta name="sign-in-engine">`, beside the app's
 *   own code rather than after it;
 * - keeps a click on "Sign in" made before the app is ready (`data-early-click`), which the
 *   button replays once it is (src/components/early-click.ts).
 */
export const BOOT_SCRIPT = `(function () {
  var d = document.documentElement
  try {
    var q = location.search
    var starting = /[?&]state=/.test(q) && /[?&](code|error)=/.test(q)
    for (var i = 0; i < localStorage.length; i++)
      if (/^static-signin\\.hint:/.test(localStorage.key(i) || '')) starting = true
    if (starting) {
      d.setAttribute('data-starting', '')
      var meta = document.querySelector('meta[name="sign-in-engine"]')
      ;(meta ? meta.content.split(' ') : []).forEach(function (href) {
        var link = document.createElement('link')
        link.rel = 'modulepreload'
        link.href = href
        document.head.appendChild(link)
      })
    }
  } catch (e) {}
  d.addEventListener('click', function (e) {
    var t = e.target
    if (!d.hasAttribute('data-ready') && t && t.closest && t.closest('.gsi-button'))
      d.setAttribute('data-early-click', '')
  }, true)
})()`

export const BOOT_STYLE = 'html[data-starting] #root{display:none}'

/** `'sha256-…'` of BOOT_SCRIPT and BOOT_STYLE, for script-src and style-src. */
export const BOOT_SCRIPT_HASH = "'sha256-TJszgNBsSC07nc+ZYeZ30uiKBKjAbHE6INvS7i38+6w='"
export const BOOT_STYLE_HASH = "'sha256-JEqvbXt0Gf3sZfKxHkURuHSs8nzguVyDvqbhXJhKSDo='"

/** `'sha256-…'` of the inline script of hosting/silent-renew-page.ts, the renewal iframe's page. */
export const SILENT_RENEW_SCRIPT_HASH = "'sha256-/CfOOo8h2BpEqUYuoUFJW2t4kp8iWcKbwmFBs/QcnFA='"

/** The meta tag that names the engine's chunk and the chunks it imports, space-separated. */
export const ENGINE_META_NAME = 'sign-in-engine'

/** The tags that go right after `<meta charset>` in every page. */
export function renderBootTags(engineFiles: string[]): string {
  return [
    `<meta name="${ENGINE_META_NAME}" content="${engineFiles.join(' ')}" />`,
    `<style>${BOOT_STYLE}</style>`,
    `<script>${BOOT_SCRIPT}</script>`,
  ].join('\n    ')
}
