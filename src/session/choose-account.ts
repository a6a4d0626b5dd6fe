import type { Generation } from './generation.ts'
import type { KeptManager } from './kept-manager.ts'

/**
 * "Use another account": the provider's account chooser, top level (`prompt=select_account`, no
 * `login_hint`), with the sign-in scopes and `include_granted_scopes=true` like every request.
 * The account that comes back replaces this one here, and in every other tab when this tab
 * announces it (account-switch.ts); the session hint follows it.
 */
export async function chooseAnotherAccount(
  host: { manager: Pick<KeptManager, 'signinRedirect'>; readGeneration(): Generation },
  returnTo: string,
): Promise<void> {
  await host.manager.signinRedirect({
    prompt: 'select_account',
    state: { returnTo, epoch: host.readGeneration().epoch },
  })
}
