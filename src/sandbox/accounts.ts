import { createHash, timingSafeEqual } from 'node:crypto'

import type { SampleUser, SandboxProvider } from './providers/provider.ts'

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest()

/** Compares by digest in constant time: the length or prefix of the secret given tells nothing. */
const sameSecret = (given: string, expected: string): boolean => timingSafeEqual(digest(given), digest(expected))

/** The provider's sample user with this email (a listed one, else one its address pattern admits); case-insensitive. */
export const sampleUserNamed = (provider: SandboxProvider, email: string): SampleUser | undefined => {
  const wanted = email.trim().toLowerCase()
  return provider.users.find((u) => u.email === wanted) ?? provider.patternUsers?.userFor(wanted)
}

/**
 * The provider's sample user these credentials sign in as, or undefined. Emails match
 * case-insensitively; an unknown email costs the same compare as a known one.
 */
export const sampleUserSignIn = (provider: SandboxProvider, email: string, password: string): SampleUser | undefined => {
  const user = sampleUserNamed(provider, email)
  const matches = sameSecret(password, user?.password ?? '\0no account')
  return matches && user !== undefined ? user : undefined
}

/** Whether `code` is the verification code the user's sign-in asks for (always true when it asks for none). */
export const verificationCodeMatches = (user: SampleUser, code: string): boolean =>
  user.verificationCode === null || sameSecret(code, user.verificationCode)

/** Whether `token` is the pairing token the user's sign-in asks for (always true when it asks for none). */
export const pairingTokenMatches = (user: SampleUser, token: string): boolean =>
  user.pairingToken === undefined || sameSecret(token, user.pairingToken)
