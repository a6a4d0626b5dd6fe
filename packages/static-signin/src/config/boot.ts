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
 * - where the page's previous load in this tab prepared a restore for this client ID
 *   (session/early-restore.ts), this client has a session hint, and this is no callback, takes
 *   that request once and opens it in a hidden iframe at once: the provider's round trip runs
 *   while the scripts arrive. It keeps, on `window.__staticSigninEarlyRestore`, the answer that
 *   silent-renew.html posts (only from that frame, only from this origin) and whether the frame
 *   loaded, for the engine to redeem with every check, or drop;
 * - keeps a click on "Sign in" made before the app is ready (`data-early-click`), which the
 *   button replays once it is (src/components/early-click.ts).
 */
export const BOOT_SCRIPT = `(function () {
  var d = document.documentElement
  try {
    var q = location.search
    var callback = /[?&]state=/.test(q) && /[?&](code|error)=/.test(q)
    var starting = callback
    var meta = document.querySelector('meta[name="sign-in-engine"]')
    var client = meta && meta.getAttribute('data-client')
    var hinted = false
    for (var i = 0; i < localStorage.length; i++) {
      var h = localStorage.key(i) || ''
      if (/^static-signin\\.hint:/.test(h)) starting = true
      if (client && h === 'static-signin.hint:' + client) hinted = true
    }
    if (starting) {
      d.setAttribute('data-starting', '')
      ;(meta ? meta.content.split(' ') : []).forEach(function (href) {
        var link = document.createElement('link')
        link.rel = 'modulepreload'
        link.href = href
        document.head.appendChild(link)
      })
    }
    var k = 'static-signin.early-restore:' + client
    var stored = hinted && !callback ? sessionStorage.getItem(k) : null
    if (stored) {
      sessionStorage.removeItem(k)
      var r = JSON.parse(stored)
      var early = (window.__staticSigninEarlyRestore = { key: k, record: r })
      // Its state still in the library's store (a 15-minute sweep may have taken it): else no use.
      var pending = r && sessionStorage.getItem('oidc.' + r.state)
      if (pending && /^https?:\\/\\//.test(r.url) && navigator.onLine) {
        var f = (early.frame = document.createElement('iframe'))
        addEventListener('message', function (e) {
          var m = e.data
          if (e.source !== f.contentWindow || e.origin !== location.origin || early.response) return
          if (!m || m.source !== 'oidc-client' || typeof m.url !== 'string') return
          early.response = m.url
          if (early.notify) early.notify()
        })
        f.addEventListener('load', function () {
          early.loads = (early.loads || 0) + 1
          if (early.notify) early.notify()
        })
        f.setAttribute('aria-hidden', 'true')
        f.tabIndex = -1
        f.src = r.url
        document.head.appendChild(f)
      }
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
export const BOOT_SCRIPT_HASH = "'sha256-hjOSzbb1uqfFlkkAPml6dwbxiiJns0BafklATKhpheI='"
export const BOOT_STYLE_HASH = "'sha256-JEqvbXt0Gf3sZfKxHkURuHSs8nzguVyDvqbhXJhKSDo='"

/** `'sha256-…'` of the inline script of hosting/silent-renew-page.ts, the renewal iframe's page. */
export const SILENT_RENEW_SCRIPT_HASH = "'sha256-/CfOOo8h2BpEqUYuoUFJW2t4kp8iWcKbwmFBs/QcnFA='"

/**
 * The meta tag that names the engine's chunk and the chunks it imports, space-separated; its
 * `data-client` names the client ID whose early restore the boot script may open.
 */
export const ENGINE_META_NAME = 'sign-in-engine'

/** The tags that go right after `<meta charset>` in every page, for this client ID. */
export function renderBootTags(engineFiles: string[], clientId?: string): string {
  const client = clientId === undefined ? '' : ` data-client="${escapeAttribute(clientId)}"`
  return [
    `<meta name="${ENGINE_META_NAME}" content="${engineFiles.join(' ')}"${client} />`,
    `<style>${BOOT_STYLE}</style>`,
    `<script>${BOOT_SCRIPT}</script>`,
  ].join('\n    ')
}

function escapeAttribute(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
}
