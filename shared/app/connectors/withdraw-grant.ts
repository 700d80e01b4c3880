/**
 * Ends at the provider a grant Recoup no longer uses (a disconnected connection, a company it
 * refused), so no live access to a customer's books is left behind. Best effort: a provider that
 * cannot be reached or refuses leaves the grant to lapse when its tokens expire (logged).
 */
import { logger } from '../../observability/powertools';
import type { AccountingConnector, ConnectorTokens } from '../../ports/accounting-connector';

export async function withdrawGrant(
  connector: AccountingConnector,
  organisationId: string,
  tokens: () => Promise<ConnectorTokens>,
  now: Date,
): Promise<void> {
  try {
    await connector.revoke(await tokens(), organisationId, now);
  } catch (error) {
    logger.warn('The grant could not be revoked at the provider; it lapses when its tokens expire', {
      provider: connector.provider,
      reason: error instanceof Error ? error.name : 'unknown',
    });
  }
}
