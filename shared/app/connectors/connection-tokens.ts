/**
 * A connection's tokens, sealed in its item and opened only in memory. The refresh token rotates
 * with every refresh, so the new tokens are stored before anything uses them: a crash after a
 * refresh must not leave the table holding a refresh token the provider has already retired.
 */
import type { Connection } from '../../domain/connectors/connection';
import type { ConnectorTokens } from '../../ports/accounting-connector';
import type { TokenCipher } from '../../ports/token-cipher';

export function tokenContext(connection: Pick<Connection, 'tenantId' | 'id'>): Record<string, string> {
  return { purpose: 'connector-tokens', tenantId: connection.tenantId, connectionId: connection.id };
}

export function sealTokens(
  cipher: TokenCipher,
  connection: Connection,
  tokens: ConnectorTokens,
): Promise<string> {
  return cipher.seal(JSON.stringify(tokens), tokenContext(connection));
}

export async function openTokens(cipher: TokenCipher, connection: Connection): Promise<ConnectorTokens> {
  if (!connection.sealedTokens) throw new Error(`Connection ${connection.id} holds no tokens`);
  return JSON.parse(await cipher.open(connection.sealedTokens, tokenContext(connection))) as ConnectorTokens;
}
