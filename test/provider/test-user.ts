/**
 * The local provider's two accounts, shaped like Google Workspace accounts: numeric `sub`, `hd`
 * present, `email_verified` true, a picture URL on the provider's own host. The first is the one
 * the account chooser checks by default (the end-to-end tests sign in as Ada).
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

export const SECOND_USER = {
  sub: '104927731800266411739',
  email: 'grace.hopper@example.com',
  email_verified: true,
  name: 'Grace Hopper',
  given_name: 'Grace',
  family_name: 'Hopper',
  locale: 'en',
  hd: 'example.com',
} as const

export type TestAccount = typeof TEST_USER | typeof SECOND_USER

/** The accounts in the chooser's order. */
export const TEST_ACCOUNTS: readonly TestAccount[] = [TEST_USER, SECOND_USER]

/** The account a `sub` or a `login_hint` names (Google takes the `sub` or the email address). */
export function findTestAccount(hint: string | undefined): TestAccount | undefined {
  return TEST_ACCOUNTS.find((account) => hint === account.sub || hint === account.email)
}

/** An account's claims as the provider at `issuer` releases them. */
export function testUserClaims(
  account: TestAccount,
  issuer: string,
): { sub: string } & Record<string, unknown> {
  return { ...account, picture: `${issuer}/avatar/${account.sub}.svg` }
}

const COLOURS: Record<string, string> = { [TEST_USER.sub]: '#1a73e8', [SECOND_USER.sub]: '#188038' }

/** A small picture with the account's initials, served by the provider like Google's photo host. */
export function renderAvatar(account: TestAccount): string {
  const initials = `${account.given_name[0] ?? ''}${account.family_name[0] ?? ''}`
  return `<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96"><rect width="96" height="96" fill="${COLOURS[account.sub] ?? '#5f6368'}"/><text x="48" y="60" font-family="sans-serif" font-size="40" fill="#fff" text-anchor="middle">${initials}</text></svg>`
}
