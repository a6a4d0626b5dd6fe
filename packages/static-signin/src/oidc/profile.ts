import type { UserProfile } from 'oidc-client-ts'
import { readEmailVerified, readStringClaim } from '../google/claims.ts'

/** Userinfo claims that may be shown; protocol claims (`sub`, `iss`, `aud`, `hd`, …) never come from it. */
const DISPLAY_CLAIMS = [
  'name',
  'given_name',
  'family_name',
  'picture',
  'email',
  'email_verified',
  'locale',
]

/** Copies only the display claims, so userinfo can never overwrite a validated ID token claim. */
export function pickDisplayClaims(claims: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(claims).filter(([name]) => DISPLAY_CLAIMS.includes(name)),
  )
}

/** What the signed-in view shows about a person. */
export interface PersonProfile {
  sub: string
  name: string | undefined
  email: string | undefined
  emailVerified: boolean | undefined
  pictureUrl: string | undefined
  hostedDomain: string | undefined
}

function readPictureUrl(value: string | undefined): string | undefined {
  if (value === undefined) return undefined
  try {
    const url = new URL(value)
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined
  } catch {
    return undefined
  }
}

/** Reads the profile of a signed-in user, tolerating Google's claim quirks. */
export function readPersonProfile(profile: UserProfile): PersonProfile {
  const claims = profile as Record<string, unknown>
  return {
    sub: profile.sub,
    name: readStringClaim(claims, 'name'),
    email: readStringClaim(claims, 'email'),
    emailVerified: readEmailVerified(claims.email_verified),
    pictureUrl: readPictureUrl(readStringClaim(claims, 'picture')),
    hostedDomain: readStringClaim(claims, 'hd'),
  }
}
