import { TEST_USER } from './test-user.ts'

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => escapes[c] ?? c)
}

/** The provider's account chooser and consent screen in one, like Google's for a known account. */
export function renderInteractionPage(uid: string, clientId: string, scope: string): string {
  const action = `/interaction/${encodeURIComponent(uid)}`
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sign in – Local test provider</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font-family:system-ui,sans-serif;background:#f0f4f9;margin:0;display:grid;place-items:center;min-height:100vh}
main{background:#fff;border-radius:28px;padding:36px;max-width:420px}
h1{font-weight:400;margin:0 0 8px}p{color:#444746}
.account{display:flex;gap:12px;align-items:center;border:1px solid #c4c7c5;border-radius:8px;padding:12px;margin:16px 0}
.row{display:flex;gap:12px;justify-content:flex-end}
button{font:inherit;border-radius:20px;padding:8px 20px;border:1px solid #747775;background:#fff;cursor:pointer}
button.primary{background:#0b57d0;color:#fff;border-color:#0b57d0}
</style></head>
<body><main>
<h1>Choose an account</h1>
<p>to continue to <strong>${escapeHtml(clientId)}</strong>. This is the local test provider, not Google.</p>
<div class="account"><div><div>${escapeHtml(TEST_USER.name)}</div><div>${escapeHtml(TEST_USER.email)}</div></div></div>
<p>It will share: ${escapeHtml(scope)}</p>
<div class="row">
<form method="post" action="${action}/cancel"><button type="submit">Cancel</button></form>
<form method="post" action="${action}/continue"><button type="submit" class="primary">Continue</button></form>
</div>
</main></body></html>`
}
