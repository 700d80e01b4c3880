/**
 * QuickBooks numbers its records per company, and Recoup names synced records by those numbers
 * alone (external-ref.ts): a second company's customer 1 would overwrite the first's debtor, and
 * its credit notes would apply to the first's invoices. So a tenant holds one organisation's
 * records of such a provider: the first organisation authorized is bound to the tenant — for
 * good, since its records stay when its connection is deleted — and another is refused. Names
 * scoped by organisation would lift this, but would not find the records synced so far.
 */
import type { Connection } from '../../domain/connectors/connection';
import { idsUniqueAcrossOrganisations } from '../../domain/connectors/external-ref';
import { PROVIDER_NAMES } from '../../domain/connectors/source-records';
import { ConflictError } from '../../domain/errors';
import type { ConnectionStore } from '../../ports/connection-store';

export function needsOrganisationBinding(connection: Connection): boolean {
  return !idsUniqueAcrossOrganisations(connection.provider);
}

/**
 * Refuses (409) authorizing `organisationId` when the tenant holds another organisation's records
 * of the provider: the one bound, or one a connection made before bindings were kept names.
 * The binding itself is written with the connection (saveAuthorized), which settles a race.
 */
export async function refuseAnotherOrganisation(
  store: ConnectionStore,
  connection: Connection,
  organisationId: string,
): Promise<void> {
  if (!needsOrganisationBinding(connection)) return;
  const bound = await store.boundOrganisation(connection.tenantId, connection.provider);
  const others = (await store.list(connection.tenantId)).filter(
    (other) =>
      other.id !== connection.id &&
      other.provider === connection.provider &&
      other.organisationId !== undefined &&
      other.organisationId !== organisationId,
  );
  if ((bound && bound !== organisationId) || others.length > 0) {
    const name = PROVIDER_NAMES[connection.provider];
    throw new ConflictError(
      `This tenant holds the records of another ${name} company, and ${name} numbers records per ` +
        'company, so a second one would overwrite them: only that company can be connected',
    );
  }
}
