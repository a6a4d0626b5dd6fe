const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Every value a page shows comes from a request or an account: always escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => escapes[c] ?? c)
}

/** The frame of the provider's pages, styled after Google's sign-in screens. */
export function renderPage(title: string, main: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} – Local test provider</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font-family:system-ui,sans-serif;background:#f0f4f9;margin:0;display:grid;place-items:center;min-height:100vh}
main{background:#fff;border-radius:28px;padding:36px;max-width:440px}
h1{font-weight:400;margin:0 0 8px}p,small{color:#444746}
fieldset{border:0;margin:0;padding:0}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}
.account,.scope{display:flex;gap:12px;align-items:center;border:1px solid #c4c7c5;border-radius:8px;padding:12px;margin:12px 0}
.account img{width:32px;height:32px;border-radius:50%}
.scope{align-items:flex-start}.scope small{display:block;word-break:break-all}
.row{display:flex;gap:12px;justify-content:flex-end}
button{font:inherit;border-radius:20px;padding:8px 20px;border:1px solid #747775;background:#fff;cursor:pointer}
button.primary{background:#0b57d0;color:#fff;border-color:#0b57d0}
</style></head>
<body><main>
${main}
</main></body></html>`
}
