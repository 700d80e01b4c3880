/**
 * How a record of an accounting system is named in Recoup: a debtor's `externalRef` is
 * `qbo:<Id>` or `xero:<ContactID>`, so the same customer is found again on every sync.
 */
import type { ConnectorProvider } from './source-records';

const PREFIX: Readonly<Record<ConnectorProvider, string>> = { quickbooks: 'qbo', xero: 'xero' };

export function providerPrefix(provider: ConnectorProvider): string {
  return PREFIX[provider];
}

export function debtorExternalRef(provider: ConnectorProvider, customerSourceId: string): string {
  return `${PREFIX[provider]}:${customerSourceId}`;
}

/** The key a record's Recoup id is derived from (importedId): stable across renumbering. */
export function sourceKey(provider: ConnectorProvider, kind: string, sourceId: string): string {
  return `${PREFIX[provider]}:${kind}:${sourceId}`;
}
