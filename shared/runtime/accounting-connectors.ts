/**
 * The accounting connectors of the functions that talk to accounting systems: their OAuth clients
 * from Secrets Manager (`CONNECTOR_SECRET_ARN`, a JSON secret
 * `{"redirectUri": "https://<api>/v1/connections/callback",
 *   "quickbooks": {"clientId": "…", "clientSecret": "…", "environment": "production"|"sandbox"},
 *   "xero": {"clientId": "…", "clientSecret": "…"}}`),
 * read once per container on first use; a provider missing from the secret is not offered. Tokens
 * are sealed with data keys of the KMS key `CONNECTOR_TOKEN_KEY_ID`. Only the connection functions
 * import this module, so only their bundles carry the connectors.
 */
import { KMSClient } from '@aws-sdk/client-kms';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { EnvelopeCipher } from '../adapters/crypto/envelope-cipher';
import { KmsDataKeys } from '../adapters/kms/kms-data-keys';
import {
  INTUIT_TOKEN_ENDPOINT,
  QUICKBOOKS_API_BASE_URL,
  QUICKBOOKS_SANDBOX_API_BASE_URL,
  QuickBooksConnector,
} from '../adapters/quickbooks/quickbooks-connector';
import { XERO_TOKEN_ENDPOINT, XeroConnector } from '../adapters/xero/xero-connector';
import type { ConnectorProvider } from '../domain/connectors/source-records';
import { RuleViolationError } from '../domain/errors';
import { tracer } from '../observability/powertools';
import type { AccountingConnector, AccountingConnectors } from '../ports/accounting-connector';
import type { TokenCipher } from '../ports/token-cipher';

interface ConnectorSecret {
  redirectUri?: string;
  quickbooks?: { clientId?: string; clientSecret?: string; environment?: 'production' | 'sandbox' };
  xero?: { clientId?: string; clientSecret?: string };
}

export function connectorsFromEnvironment(): AccountingConnectors {
  let loaded: Promise<AccountingConnectors> | undefined;
  const load = () =>
    (loaded ??= (async () => {
      const secretId = process.env.CONNECTOR_SECRET_ARN;
      if (!secretId) throw new Error('CONNECTOR_SECRET_ARN is not set');
      const client = tracer.captureAWSv3Client(new SecretsManagerClient({}));
      const secret = await client.send(new GetSecretValueCommand({ SecretId: secretId }));
      const settings = JSON.parse(secret.SecretString ?? '{}') as ConnectorSecret;
      const connectors: AccountingConnectors = {};
      const quickbooks = settings.quickbooks;
      if (settings.redirectUri && quickbooks?.clientId && quickbooks.clientSecret) {
        connectors.quickbooks = new QuickBooksConnector({
          clientId: quickbooks.clientId,
          clientSecret: quickbooks.clientSecret,
          redirectUri: settings.redirectUri,
          tokenEndpoint: INTUIT_TOKEN_ENDPOINT,
          apiBaseUrl:
            quickbooks.environment === 'sandbox' ? QUICKBOOKS_SANDBOX_API_BASE_URL : QUICKBOOKS_API_BASE_URL,
        });
      }
      const xero = settings.xero;
      if (settings.redirectUri && xero?.clientId && xero.clientSecret) {
        connectors.xero = new XeroConnector({
          clientId: xero.clientId,
          clientSecret: xero.clientSecret,
          redirectUri: settings.redirectUri,
          tokenEndpoint: XERO_TOKEN_ENDPOINT,
        });
      }
      return connectors;
    })());
  const lazy = (provider: ConnectorProvider): AccountingConnector => {
    const connector = async () => {
      const found = (await load())[provider];
      if (!found) throw new Error(`${provider} is not configured in CONNECTOR_SECRET_ARN`);
      return found;
    };
    return {
      provider,
      authorizeUrl: async (state) => (await connector()).authorizeUrl(state),
      exchangeCode: async (code, now) => (await connector()).exchangeCode(code, now),
      organisation: async (tokens, callback) => (await connector()).organisation(tokens, callback),
      refresh: async (token, now) => (await connector()).refresh(token, now),
      revoke: async (tokens, organisationId, now) => (await connector()).revoke(tokens, organisationId, now),
      pull: async (session, since, cursor) => (await connector()).pull(session, since, cursor),
      // Offered by providers whose API allows it (QuickBooks); the others refuse when asked.
      appendInvoiceNote: async (session, invoiceSourceId, line, requestId) => {
        const found = await connector();
        if (!found.appendInvoiceNote) {
          throw new RuleViolationError(`${provider} offers no way to add a note to an invoice`);
        }
        return found.appendInvoiceNote(session, invoiceSourceId, line, requestId);
      },
    };
  };
  // Offered before the secret is read; a provider missing from it fails when it is used.
  return { quickbooks: lazy('quickbooks'), xero: lazy('xero') };
}

export function tokenCipherFromEnvironment(): TokenCipher {
  const keyId = process.env.CONNECTOR_TOKEN_KEY_ID;
  if (!keyId) throw new Error('CONNECTOR_TOKEN_KEY_ID is not set');
  return new EnvelopeCipher(new KmsDataKeys(tracer.captureAWSv3Client(new KMSClient({})), keyId));
}
