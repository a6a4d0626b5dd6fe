/** Provider answers to `prompt=none` that only mean "the person has to act" (OIDC Core §3.1.2.6). */
const INTERACTION_NEEDED = new Set([
  'login_required',
  'interaction_required',
  'consent_required',
  'account_selection_required',
])

/**
 * True when a silent sign-in failed only because the provider needs the person — no session,
 * or cookies withheld from the iframe. Not an error worth an alert; the signed-out view suffices.
 */
export function isInteractionNeeded(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false
  const code = (error as { error?: unknown }).error
  return typeof code === 'string' && INTERACTION_NEEDED.has(code)
}
