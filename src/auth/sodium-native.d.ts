// The part of sodium-native (which ships no types) that Latchkey calls: XChaCha20-Poly1305 (IETF).
declare module 'sodium-native' {
  interface Sodium {
    readonly crypto_aead_xchacha20poly1305_ietf_ABYTES: number
    readonly crypto_aead_xchacha20poly1305_ietf_NPUBBYTES: number
    readonly crypto_aead_xchacha20poly1305_ietf_KEYBYTES: number
    /** Writes ciphertext‖tag into `ciphertext` (message length + ABYTES); answers its length. */
    crypto_aead_xchacha20poly1305_ietf_encrypt(
      ciphertext: Uint8Array,
      message: Uint8Array,
      additionalData: Uint8Array | null,
      nsec: null,
      nonce: Uint8Array,
      key: Uint8Array,
    ): number
    /** Writes the message into `message`; throws when the tag does not verify. */
    crypto_aead_xchacha20poly1305_ietf_decrypt(
      message: Uint8Array,
      nsec: null,
      ciphertext: Uint8Array,
      additionalData: Uint8Array | null,
      nonce: Uint8Array,
      key: Uint8Array,
    ): number
  }
  // CommonJS: what an ES module imports is its module.exports.
  const sodium: Sodium
  export default sodium
}
