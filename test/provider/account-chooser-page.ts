import { escapeHtml, renderPage } from './page-layout.ts'
import { TEST_ACCOUNTS, type TestAccount } from './test-user.ts'

function renderAccount(account: TestAccount, issuer: string, isChecked: boolean): string {
  return `<label class="account"><input type="radio" name="account" value="${escapeHtml(account.sub)}"${isChecked ? ' checked' : ''}>
<img src="${escapeHtml(`${issuer}/avatar/${account.sub}.svg`)}" alt="" referrerpolicy="no-referrer">
<span><span>${escapeHtml(account.name)}</span><br><small>${escapeHtml(account.email)}</small></span></label>`
}

/**
 * The provider's account chooser, like Google's: one radio per account (the hinted one, else the
 * first, checked), Continue signs in as the chosen account, Cancel answers access_denied.
 */
export function renderAccountChooser(options: {
  uid: string
  issuer: string
  clientName: string
  scope: string
  checkedSub: string
}): string {
  const action = `/interaction/${encodeURIComponent(options.uid)}`
  const accounts = TEST_ACCOUNTS.map((account) =>
    renderAccount(account, options.issuer, account.sub === options.checkedSub),
  ).join('\n')
  return renderPage(
    'Sign in',
    `<h1>Choose an account</h1>
<p>to continue to <strong>${escapeHtml(options.clientName)}</strong>. This is the local test provider, not Google.</p>
<form method="post" action="${action}/continue">
<fieldset><legend class="visually-hidden">Account</legend>
${accounts}
</fieldset>
<p>It will share: ${escapeHtml(options.scope)}</p>
<div class="row">
<button type="submit" formaction="${action}/cancel">Cancel</button>
<button type="submit" class="primary">Continue</button>
</div>
</form>`,
  )
}
