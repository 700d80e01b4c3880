/**
 * The OAuth `state` of a connection: sealed (encrypted and authenticated) by the token cipher, so
 * the callback — a public route the provider sends the browser back to — learns the tenant and
 * connection only from a value Recoup made, can tell it was not altered, and refuses it once it
 * is old. The nonce inside must also match the pending connection: a state works once.
 */
import type { TokenCipher } from '../../ports/token-cipher';

const CONTEXT = { purpose: 'connector-state' } as const;
/** Time to sign in at the provider and consent. */
export const STATE_LIFETIME_MS = 30 * 60 * 1000;

export interface ConnectionState {
  tenantId: string;
  connectionId: string;
  nonce: string;
  expiresAt: string;
}

export function sealState(cipher: TokenCipher, state: ConnectionState): Promise<string> {
  return cipher.seal(JSON.stringify(state), CONTEXT);
}

/** The state, or undefined when it was not made here, was altered or has expired. */
export async function openState(
  cipher: TokenCipher,
  sealed: string,
  now: Date,
): Promise<ConnectionState | undefined> {
  try {
    const state = JSON.parse(await cipher.open(sealed, CONTEXT)) as ConnectionState;
    return new Date(state.expiresAt).getTime() > now.getTime() ? state : undefined;
  } catch {
    return undefined;
  }
}
