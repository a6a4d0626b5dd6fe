import type { Generation } from './generation.ts'
import type { KeptManager } from './kept-manager.ts'

/**
 * "Use another account": the provider's account chooser, top level (`prompt=select_account`, no
 * `login_hint`), with the sign-in scopes and `include_granted_scopes=true` like every request.
 * The account that comes back replaces this one here, and in every other tab when this tab
 * announces it (account-switch.ts); the session hint follows it. Cancelling on the chooser keeps
 * the account the person had (declined-feature.ts).
 */
export async function chooseAnotherAccount(
  host: { manager: Pick<KeptManager, 'getUser' | 'signinRedirect'>; readGeneration(): Generation },
  returnTo: string,
): Promise<void> {
  const generation = host.readGeneration()
  const user = await host.manager.getUser()
  await host.manager.signinRedirect({
    prompt: 'select_account',
    // `account`: the session it was made from, restored if the person cancels on the chooser.
    state: { returnTo, epoch: generation.epoch, account: user?.profile.sub },
  })
}
