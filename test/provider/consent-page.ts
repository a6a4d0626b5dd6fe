import { CONSENT_DESCRIPTIONS } from '../google/grants.ts'
import { escapeHtml, renderPage } from './page-layout.ts'
import type { TestAccount } from './test-user.ts'

function renderScope(scope: string): string {
  const id = `scope-${encodeURIComponent(scope).replace(/[^\w-]/g, '-')}`
  return `<div class="scope"><input type="checkbox" id="${id}" name="scope" value="${escapeHtml(scope)}" checked>
<span><label for="${id}">${escapeHtml(CONSENT_DESCRIPTIONS[scope] ?? scope)}</label><small>${escapeHtml(scope)}</small></span></div>`
}

/**
 * Google's granular consent screen: one checkbox per scope not granted yet, ticked; Allow grants
 * the ticked ones only, Cancel answers access_denied.
 */
export function renderConsentPage(options: {
  uid: string
  appName: string
  account: TestAccount
  scopes: string[]
}): string {
  const action = `/interaction/${encodeURIComponent(options.uid)}`
  return renderPage(
    'Consent',
    `<h1>${escapeHtml(options.appName)} wants access to your Google Account</h1>
<p>${escapeHtml(options.account.name)} · ${escapeHtml(options.account.email)}. This is the local test provider, not Google.</p>
<form method="post" action="${action}/allow">
<fieldset><legend>Select what ${escapeHtml(options.appName)} can access</legend>
${options.scopes.map(renderScope).join('\n')}
</fieldset>
<div class="row">
<button type="submit" formaction="${action}/cancel">Cancel</button>
<button type="submit" class="primary">Allow</button>
</div>
</form>`,
  )
}
