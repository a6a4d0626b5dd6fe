/** A Google account of the stand-in: both are Workspace accounts unless the scenario drops `hd`. */
export interface GoogleAccount {
  sub: string
  email: string
  name: string
  given_name: string
  family_name: string
  picture: string
}

export const ADA: GoogleAccount = {
  sub: '110248495921238986420',
  email: 'ada.lovelace@example.com',
  name: 'Ada Lovelace',
  given_name: 'Ada',
  family_name: 'Lovelace',
  picture: 'https://lh3.googleusercontent.com/a/ACg8ocK-stand-in-ada=s96-c',
}

export const GRACE: GoogleAccount = {
  sub: '104927731800266411739',
  email: 'grace.hopper@example.com',
  name: 'Grace Hopper',
  given_name: 'Grace',
  family_name: 'Hopper',
  picture: 'https://lh3.googleusercontent.com/a/ACg8ocK-stand-in-grace=s96-c',
}

/** The accounts of the chooser, in its order; the first is checked by default. */
export const GOOGLE_ACCOUNTS: readonly GoogleAccount[] = [ADA, GRACE]

/** The account a `login_hint` names: Google takes its `sub` or its email address. */
export function findGoogleAccount(hint: string | null | undefined): GoogleAccount | undefined {
  return GOOGLE_ACCOUNTS.find((account) => hint === account.sub || hint === account.email)
}

/** A 1×1 PNG, served as the account picture from lh3.googleusercontent.com. */
export const PICTURE_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
)
