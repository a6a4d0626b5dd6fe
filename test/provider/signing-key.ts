import { createPrivateKey, createSign, generateKeyPairSync, type JsonWebKey } from 'node:crypto'

export interface SigningKey {
  /** The private JWK oidc-provider signs ID tokens with. */
  jwk: JsonWebKey & { kid: string; use: string; alg: string }
  /** Signs a JWT payload with the same key (RS256), as the provider would. */
  sign: (payload: Record<string, unknown>) => string
}

const base64url = (data: string | Buffer) => Buffer.from(data).toString('base64url')

/** A fresh RS256 key for this provider run. */
export function createSigningKey(): SigningKey {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'local-1', use: 'sig', alg: 'RS256' }
  const key = createPrivateKey({ key: jwk, format: 'jwk' })
  return {
    jwk,
    sign: (payload) => {
      const input = `${base64url(JSON.stringify({ alg: 'RS256', kid: jwk.kid, typ: 'JWT' }))}.${base64url(JSON.stringify(payload))}`
      return `${input}.${createSign('RSA-SHA256').update(input).sign(key).toString('base64url')}`
    },
  }
}
