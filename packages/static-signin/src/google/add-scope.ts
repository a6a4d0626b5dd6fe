/** The scope of an incremental request: the sign-in scopes plus `scope`, each once. */
export function addScope(signInScope: string, scope: string): string {
  return [...new Set([...signInScope.split(' ').filter(Boolean), scope])].join(' ')
}
