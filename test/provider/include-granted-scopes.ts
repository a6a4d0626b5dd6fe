import type { Middleware } from 'koa'
import type { KoaContextWithOIDC } from 'oidc-provider'
import { includeGrantedScopes } from './granted-scopes.ts'

/**
 * Google's `include_granted_scopes=true`: the token covers everything the account has granted the
 * client, earlier grants included, not only this request's part. oidc-provider issues a code for
 * the part asked and granted; this widens that code, once issued, to the whole grant.
 */
export function includeGrantedScopesMiddleware(): Middleware {
  return async (ctx, next): Promise<void> => {
    await next()
    if (!/^\/auth(\/|$)/.test(ctx.path)) return
    const { oidc } = ctx as unknown as Partial<KoaContextWithOIDC>
    const code = oidc?.entities.AuthorizationCode
    const grant = oidc?.entities.Grant
    if (!code || !grant || oidc.params?.include_granted_scopes !== 'true') return
    code.scope = includeGrantedScopes(code.scope ?? '', grant.getOIDCScope())
    await code.save()
  }
}
