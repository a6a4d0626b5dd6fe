/**
 * Google has been seen sending `email_verified` as the string "true" instead of a boolean
 * (docs/google-facts.md, "Tokens and claims"). Accept both; anything else is "unknown".
 */
export function readEmailVerified(value: unknown): boolean | undefined {
  if (value === true || value === 'true') return true
  if (value === false || value === 'false') return false
  return undefined
}

/** Reads an optional string claim, ignoring values of any other type. */
export function readStringClaim(claims: Record<string, unknown>, name: string): string | undefined {
  const value = claims[name]
  return typeof value === 'string' && value !== '' ? value : undefined
}
