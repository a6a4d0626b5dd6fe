/**
 * The renewal iframe's landing page, `silent-renew.html` at the app's base path (the second
 * redirect URI to register). The Vite plugin (static-signin/vite) writes it into every build, with
 * the app's Content-Security-Policy as a meta tag after `<head>`; its inline script is allowed by
 * SILENT_RENEW_SCRIPT_HASH (config/boot.ts).
 */
export const SILENT_RENEW_FILE = 'silent-renew.html'

export const SILENT_RENEW_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta name="referrer" content="no-referrer" />
    <title>Silent renewal</title>
    <script>
      // Landing page of the hidden renewal iframe. It hands the authorization response URL to the
      // app that framed it, in the message format oidc-client-ts's IFrameWindow listens for, and
      // only to a parent of this very origin (never "*", RFC 9700 §4.17). The app validates the
      // response itself. Inline, so a renewal costs no extra request; allowed by its hash
      // (SILENT_RENEW_SCRIPT_HASH in config/boot.ts, checked by a unit test).
      ;(function notifyParent() {
        if (window.parent === window) return
        window.parent.postMessage(
          { source: 'oidc-client', url: window.location.href, keepOpen: false },
          window.location.origin,
        )
      })()
    </script>
  </head>
  <body></body>
</html>
`
