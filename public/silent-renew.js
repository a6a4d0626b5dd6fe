// Landing page of the hidden renewal iframe. It hands the authorization response URL to the app
// that framed it, in the message format oidc-client-ts's IFrameWindow listens for, and only to a
// parent of this very origin (never "*", RFC 9700 §4.17). The app validates the response itself.
;(function notifyParent() {
  if (window.parent === window) return
  window.parent.postMessage(
    { source: 'oidc-client', url: window.location.href, keepOpen: false },
    window.location.origin,
  )
})()
