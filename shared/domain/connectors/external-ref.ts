/**
 * How a record of an accounting system is named in Recoup: a debtor's `externalRef` is
 * `qbo:<Id>` or `xero:<ContactID>`, so the same customer is found again on every sync. The
 * organisation is not part of the name: where the provider's ids are only unique within one
 * organisation, a tenant holds one organisation's records of that provider (organisation-binding.ts).
 */
import type { ConnectorProvider } from './source-records';

const PREFIX: Readonly<Record<ConnectorProvider, string>> = { quickbooks: 'qbo', xero: 'xero' };

/**
 * QuickBooks numbers records per company (customer 1 in every company); Xero's ids are GUIDs,
 * unique across organisations.
 */
const IDS_UNIQUE_ACROSS_ORGANISATIONS: Readonly<Record<ConnectorProvider, boolean>> = {
  quickbooks: false,
  xero: true,
};

export function idsUniqueAcrossOrganisations(provider: ConnectorProvider): boolean {
  return IDS_UNIQUE_ACROSS_ORGANISATIONS[provider];
}

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
