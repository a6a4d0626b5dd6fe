import { execFileSync } from 'node:child_process'
import { createHash, X509Certificate } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { GOOGLE_HOSTS } from './wire-format.ts'

export interface TestCertificate {
  key: string
  cert: string
  /** base64 SHA-256 of the public key: what Chromium's --ignore-certificate-errors-spki-list takes. */
  spkiHash: string
}

const DIR = join('.e2e', 'google-tls')

/**
 * A throwaway certificate for Google's hostnames, made with Debian's openssl when the tests run
 * (no private key is ever committed). Chromium trusts exactly this key and nothing else, through
 * --ignore-certificate-errors-spki-list. Reused while it is valid for another hour.
 */
export function ensureTestCertificate(): TestCertificate {
  const keyPath = join(DIR, 'key.pem')
  const certPath = join(DIR, 'cert.pem')
  const isFresh =
    existsSync(certPath) &&
    existsSync(keyPath) &&
    Date.parse(new X509Certificate(readFileSync(certPath)).validTo) > Date.now() + 3_600_000
  if (!isFresh) {
    mkdirSync(DIR, { recursive: true })
    const names = GOOGLE_HOSTS.map((host) => `DNS:${host}`).join(',')
    try {
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'ec',
          '-pkeyopt',
          'ec_paramgen_curve:prime256v1',
          '-nodes',
          '-days',
          '2',
          '-subj',
          '/CN=Google stand-in for tests',
          '-addext',
          `subjectAltName=${names}`,
          '-keyout',
          keyPath,
          '-out',
          certPath,
        ],
        { stdio: 'pipe' },
      )
    } catch (error: unknown) {
      throw new Error(
        `The Google stand-in needs openssl to make its test certificate (Debian: apt-get install -y openssl): ${String(error)}`,
      )
    }
  }
  const cert = readFileSync(certPath, 'utf8')
  const publicKey = new X509Certificate(cert).publicKey.export({ type: 'spki', format: 'der' })
  return {
    key: readFileSync(keyPath, 'utf8'),
    cert,
    spkiHash: createHash('sha256').update(publicKey).digest('base64'),
  }
}
