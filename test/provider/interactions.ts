import type Provider from 'oidc-provider'
import type { Middleware } from 'koa'
import { renderInteractionPage } from './interaction-page.ts'
import { renderAvatar, TEST_USER } from './test-user.ts'

/**
 * The provider's own pages: the account chooser (Continue signs in as the test user and grants the
 * requested scopes; Cancel answers access_denied) and the profile picture host.
 */
export function interactionRoutes(provider: Provider): Middleware {
  return async (ctx, next): Promise<void> => {
    if (ctx.method === 'GET' && /^\/avatar\/[\w-]+\.svg$/.test(ctx.path)) {
      ctx.type = 'image/svg+xml'
      ctx.body = renderAvatar()
      return
    }
    const match = /^\/interaction\/([\w-]+)(?:\/(continue|cancel))?$/.exec(ctx.path)
    if (!match) {
      await next()
      return
    }
    const [, uid = '', action] = match
    const details = await provider.interactionDetails(ctx.req, ctx.res)
    if (details.uid !== uid) ctx.throw(400, 'interaction mismatch')
    const clientId = String(details.params.client_id)
    if (action === undefined && ctx.method === 'GET') {
      ctx.type = 'html'
      ctx.set('Cache-Control', 'no-store')
      ctx.body = renderInteractionPage(uid, clientId, String(details.params.scope))
      return
    }
    if (ctx.method !== 'POST') ctx.throw(405)
    let result
    if (action === 'cancel') {
      result = { error: 'access_denied', error_description: 'The user cancelled the sign-in.' }
    } else {
      const grant = details.grantId
        ? await provider.Grant.find(details.grantId)
        : new provider.Grant({ accountId: TEST_USER.sub, clientId })
      if (!grant) throw new Error('grant not found')
      grant.addOIDCScope(String(details.params.scope))
      result = {
        login: { accountId: TEST_USER.sub, remember: true },
        consent: { grantId: await grant.save() },
      }
    }
    const redirectTo = await provider.interactionResult(ctx.req, ctx.res, result, {
      mergeWithLastSubmission: false,
    })
    ctx.status = 303
    ctx.redirect(redirectTo)
  }
}
