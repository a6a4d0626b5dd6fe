import type Provider from 'oidc-provider'
import type { InteractionResults } from 'oidc-provider'
import type { Context, Middleware } from 'koa'
import { renderAccountChooser } from './account-chooser-page.ts'
import { findAccountGrant, saveAccountGrant } from './account-grants.ts'
import { renderConsentPage } from './consent-page.ts'
import { isSignInScope, scopesToConsent } from './granted-scopes.ts'
import { LOCAL_APP_NAME } from './local-client.ts'
import { findTestAccount, renderAvatar, TEST_USER } from './test-user.ts'

type Details = Awaited<ReturnType<Provider['interactionDetails']>>

async function readForm(ctx: Context): Promise<URLSearchParams> {
  const chunks: Buffer[] = []
  for await (const chunk of ctx.req) chunks.push(chunk as Buffer)
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'))
}

const requestedScope = (details: Details) =>
  typeof details.params.scope === 'string' ? details.params.scope : ''

/** The non-sign-in scopes the consent page asks about, or none when the chooser is the page. */
async function scopesToAsk(provider: Provider, details: Details): Promise<string[]> {
  const accountId = details.session?.accountId
  if (details.prompt.name !== 'consent' || !accountId) return []
  const grant = await findAccountGrant(provider, accountId, String(details.params.client_id))
  return scopesToConsent(requestedScope(details), grant.getOIDCScope())
}

/** Grants the sign-in scopes asked for plus `scopes`, on the account's one grant to the client. */
async function grant(provider: Provider, details: Details, accountId: string, scopes: string[]) {
  const accountGrant = await findAccountGrant(provider, accountId, String(details.params.client_id))
  const signIn = requestedScope(details).split(' ').filter(isSignInScope)
  accountGrant.addOIDCScope([...signIn, ...scopes].join(' '))
  return saveAccountGrant(accountGrant)
}

/**
 * Signing in as someone else ends the signed-in account's provider session (once the answer is
 * saved, which checks the session has not changed): oidc-provider would otherwise answer a change
 * of account with a logout page this provider does not have.
 */
async function leaveOtherAccount(provider: Provider, details: Details, accountId: string) {
  if (!details.session || details.session.accountId === accountId) return
  const session = await provider.Session.findByUid(details.session.uid)
  if (!session) return
  session.accountId = undefined
  session.authorizations = undefined
  await session.persist()
}

async function answer(ctx: Context, provider: Provider, details: Details, action: string) {
  if (action === 'cancel') {
    return { error: 'access_denied', error_description: 'The user cancelled the sign-in.' }
  }
  const form = await readForm(ctx)
  if (action === 'allow') {
    const asked = await scopesToAsk(provider, details)
    const ticked = form.getAll('scope').filter((scope) => asked.includes(scope))
    const accountId = details.session?.accountId ?? ctx.throw(400, 'no account to consent for')
    return { consent: { grantId: await grant(provider, details, accountId, ticked) } }
  }
  const account = findTestAccount(form.get('account') ?? undefined)
  if (!account) ctx.throw(400, 'Choose one of the accounts.')
  await grant(provider, details, account.sub, [])
  // `select_account` marks that prompt answered; the consent page, if any, follows.
  return { select_account: {}, login: { accountId: account.sub, remember: true } }
}

/**
 * The provider's own pages: the account chooser, the consent screen (when the request asks for a
 * scope beyond sign-in that the account has not granted) and the profile picture host.
 */
export function interactionRoutes(provider: Provider, issuer: string): Middleware {
  return async (ctx, next): Promise<void> => {
    const avatar = /^\/avatar\/(\d+)\.svg$/.exec(ctx.path)
    if (ctx.method === 'GET' && avatar) {
      const account = findTestAccount(avatar[1]) ?? ctx.throw(404)
      ctx.type = 'image/svg+xml'
      ctx.body = renderAvatar(account)
      return
    }
    const match = /^\/interaction\/([\w-]+)(?:\/(continue|allow|cancel))?$/.exec(ctx.path)
    if (!match) {
      await next()
      return
    }
    const [, uid = '', action] = match
    const details = await provider.interactionDetails(ctx.req, ctx.res)
    if (details.uid !== uid) ctx.throw(400, 'interaction mismatch')
    if (action === undefined && ctx.method === 'GET') {
      ctx.type = 'html'
      ctx.set('Cache-Control', 'no-store')
      const scopes = await scopesToAsk(provider, details)
      const account = findTestAccount(details.session?.accountId)
      ctx.body =
        scopes.length > 0 && account
          ? renderConsentPage({ uid, appName: LOCAL_APP_NAME, account, scopes })
          : renderAccountChooser({
              uid,
              issuer,
              clientName: String(details.params.client_id),
              scope: requestedScope(details),
              checkedSub: findTestAccount(String(details.params.login_hint))?.sub ?? TEST_USER.sub,
            })
      return
    }
    if (ctx.method !== 'POST' || action === undefined) {
      ctx.status = 405
      return
    }
    const result: InteractionResults = await answer(ctx, provider, details, action)
    // The consent page's answer joins the chooser's, which was given in an earlier interaction.
    const redirectTo = await provider.interactionResult(ctx.req, ctx.res, result, {
      mergeWithLastSubmission: action === 'allow',
    })
    if (result.login) await leaveOtherAccount(provider, details, result.login.accountId)
    ctx.status = 303
    ctx.redirect(redirectTo)
  }
}
