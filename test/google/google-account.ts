/** The one Google account of the stand-in: a Workspace account unless the scenario drops `hd`. */
export const GOOGLE_ACCOUNT = {
  sub: '110248495921238986420',
  email: 'ada.lovelace@example.com',
  name: 'Ada Lovelace',
  given_name: 'Ada',
  family_name: 'Lovelace',
  picture: 'https://lh3.googleusercontent.com/a/ACg8ocK-stand-in-ada=s96-c',
} as const

/** A 1×1 PNG, served as the account picture from lh3.googleusercontent.com. */
export const PICTURE_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
)
