import { randomBytes } from 'node:crypto'
import type { KeyPair } from './app'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/**
 * A throwaway key pair for the sandbox: a public key shaped like a UCloud one (an opaque
 * alphanumeric token) and a 40-hex-character private key.
 */
export function generateKeyPair(): KeyPair {
  const bytes = randomBytes(32)
  const publicKey = Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('')
  return { publicKey, privateKey: randomBytes(20).toString('hex') }
}
