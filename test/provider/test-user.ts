/**
 * The one account of the local provider, shaped like a Google Workspace account: numeric `sub`,
 * `hd` present, `email_verified` true, a picture URL on the provider's own host.
 */
export const TEST_USER = {
  sub: '110248495921238986420',
  email: 'ada.lovelace@example.com',
  email_verified: true,
  name: 'Ada Lovelace',
  given_name: 'Ada',
  family_name: 'Lovelace',
  locale: 'en',
  hd: 'example.com',
} as const

/** The test user's claims as the provider at `issuer` releases them. */
export function testUserClaims(issuer: string): Record<string, unknown> {
  return { ...TEST_USER, picture: `${issuer}/avatar/${TEST_USER.sub}.svg` }
}

/** A small picture with the user's initials, served by the provider like Google's photo host. */
export function renderAvatar(): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96"><rect width="96" height="96" fill="#1a73e8"/><text x="48" y="60" font-family="sans-serif" font-size="40" fill="#fff" text-anchor="middle">AL</text></svg>`
}
