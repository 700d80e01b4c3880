/** MACs for the portal links: made and checked with a key that never leaves the signer. */
export interface LinkSigner {
  sign(message: string): Promise<string>;
  verify(message: string, mac: string): Promise<boolean>;
}
