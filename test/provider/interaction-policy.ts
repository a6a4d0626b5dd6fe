import { interactionPolicy, type KoaContextWithOIDC } from 'oidc-provider'
import { missingScopes } from './granted-scopes.ts'
import { findTestAccount } from './test-user.ts'

const { Check, Prompt, base } = interactionPolicy

/** True right after the person answered this prompt's page, so it is not asked again at once. */
const hasAnswered = (ctx: KoaContextWithOIDC, prompt: 'login' | 'consent') =>
  ctx.oidc.result?.[prompt] !== undefined

/**
 * The hint names someone other than the signed-in account: Google then asks which account (and a
 * renewal with `prompt=none` fails with login_required rather than answering for someone else).
 */
const otherAccountHinted = new Check(
  'login_hint_other_account',
  'login_hint does not name the signed-in account',
  'login_required',
  (ctx) => {
    const hint = ctx.oidc.params?.login_hint
    const accountId = ctx.oidc.session?.accountId
    if (typeof hint !== 'string' || !accountId || hasAnswered(ctx, 'login')) {
      return Check.NO_NEED_TO_PROMPT
    }
    return findTestAccount(hint)?.sub === accountId ? Check.NO_NEED_TO_PROMPT : Check.REQUEST_PROMPT
  },
)

/**
 * Replaces oidc-provider's op_scopes_missing, which counts a scope the person unticked as settled
 * and would never ask for it again; Google asks again on the next request for it. Right after the
 * consent page, what was unticked simply stays ungranted.
 */
const scopesNotGranted = new Check(
  'op_scopes_missing',
  'requested scopes not granted',
  'consent_required',
  (ctx) => {
    if (hasAnswered(ctx, 'consent')) return Check.NO_NEED_TO_PROMPT
    const granted = ctx.oidc.entities.Grant?.getOIDCScope() ?? ''
    return missingScopes(ctx.oidc.params?.scope as string | undefined, granted).length > 0
      ? Check.REQUEST_PROMPT
      : Check.NO_NEED_TO_PROMPT
  },
)

/**
 * Google's prompts: `select_account` (the chooser even with a session), `login` (also when
 * `login_hint` names another account) and `consent` (a scope not granted yet, asked again even
 * after it was refused). A `prompt=none` request that would need one answers its error.
 */
export function googleLikePolicy(): interactionPolicy.Prompt[] {
  const policy = base()
  policy.add(new Prompt({ name: 'select_account', requestable: true }), 0)
  policy.get('login')?.checks.add(otherAccountHinted)
  const consent = policy.get('consent')
  consent?.checks.remove('op_scopes_missing')
  consent?.checks.add(scopesNotGranted, 1)
  return policy
}
