/**
 * The stand-in's own pages at accounts.google.com: the account chooser and the consent screen.
 * Plain forms, shaped like Google's only where a person acts on them (names, checkboxes, buttons).
 */
import type { GoogleAccount } from './google-account.ts'
import { CONSENT_DESCRIPTIONS } from './grants.ts'

/** The client's name on its OAuth consent screen, as the app's Cloud console entry would say. */
export const APP_NAME = 'Static Sign-in'

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body><main>${body}</main></body></html>`

/** "Choose an account": one radio per account, the hinted one (else the first) checked. */
export function renderAccountChooser(
  requestId: string,
  accounts: readonly GoogleAccount[],
  checkedSub: string,
): string {
  const radios = accounts
    .map(
      ({ sub, name, email }) =>
        `<label><input type="radio" name="account" value="${escapeHtml(sub)}"${sub === checkedSub ? ' checked' : ''}> ${escapeHtml(name)} · ${escapeHtml(email)}</label><br>`,
    )
    .join('\n')
  return page(
    'Sign in - Google Accounts (stand-in)',
    `<h1>Choose an account</h1><p>to continue to ${APP_NAME}. This is the test stand-in for Google.</p>
<form method="get" action="/o/oauth2/v2/auth/decide"><input type="hidden" name="request" value="${escapeHtml(requestId)}">
<fieldset><legend>Accounts</legend>
${radios}
</fieldset>
<button type="submit" name="choice" value="cancel">Cancel</button>
<button type="submit" name="choice" value="continue">Continue</button></form>`,
  )
}

/**
 * Google's granular consent screen: one checkbox per scope not granted yet, value the scope URL.
 * They start ticked, so that "Allow" alone grants all and a test unticks what the person refuses.
 */
export function renderConsent(
  requestId: string,
  account: GoogleAccount,
  scopes: readonly string[],
): string {
  const boxes = scopes
    .map(
      (scope) =>
        `<label><input type="checkbox" name="scope" value="${escapeHtml(scope)}" checked> ${escapeHtml(CONSENT_DESCRIPTIONS[scope] ?? scope)}</label><br>`,
    )
    .join('\n')
  return page(
    `${APP_NAME} wants access to your Google Account`,
    `<h1>${APP_NAME} wants access to your Google Account</h1><p>${escapeHtml(account.email)}</p>
<form method="get" action="/o/oauth2/v2/auth/consent"><input type="hidden" name="request" value="${escapeHtml(requestId)}">
<fieldset><legend>Select what ${APP_NAME} can access</legend>
${boxes}
</fieldset>
<p>Make sure you trust ${APP_NAME}. You can see or remove access at any time in your Google Account.</p>
<button type="submit" name="choice" value="cancel">Cancel</button>
<button type="submit" name="choice" value="allow">Allow</button></form>`,
  )
}
