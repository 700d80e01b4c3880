/**
 * Seals secrets kept in the table (a connection's OAuth tokens) so that a read of the table alone
 * reveals nothing: authenticated encryption bound to a context (tenant, connection), so a sealed
 * value copied to another item does not open there.
 */
export interface TokenCipher {
  seal(plaintext: string, context: Readonly<Record<string, string>>): Promise<string>;
  /** Throws when the value was altered or sealed under another context. */
  open(sealed: string, context: Readonly<Record<string, string>>): Promise<string>;
}

/** Makes and unwraps the data keys of an envelope (KMS in AWS, a local key file locally). */
export interface DataKeys {
  generate(
    context: Readonly<Record<string, string>>,
  ): Promise<{ plaintext: Uint8Array; wrapped: Uint8Array }>;
  unwrap(wrapped: Uint8Array, context: Readonly<Record<string, string>>): Promise<Uint8Array>;
}
