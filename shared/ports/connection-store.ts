import type { Connection } from '../domain/connectors/connection';
import type { ConnectorProvider } from '../domain/connectors/source-records';
import type { WriteContext } from './write-context';

/** Accounting connections and the marks of what each has applied once and for all. */
export interface ConnectionStore {
  get(tenantId: string, connectionId: string): Promise<Connection | undefined>;
  list(tenantId: string): Promise<Connection[]>;
  /** Every tenant's active connections (the scheduled sync), at most `limit` after `after`. */
  active(
    limit: number,
    after?: string,
  ): Promise<{ items: { tenantId: string; connectionId: string }[]; next?: string }>;
  create(connection: Connection, context: WriteContext): Promise<void>;
  /** Saves `after` on condition of `before.version` (ConflictError otherwise). */
  save(before: Connection, after: Connection, context: WriteContext): Promise<void>;
  /**
   * Saves a connection just authorized. With `bindOrganisation`, in the same transaction, the
   * tenant's records of its provider are bound to its organisation: ConflictError when another
   * organisation is bound already (the binding outlives the connection, as its records do).
   */
  saveAuthorized(
    before: Connection,
    after: Connection,
    context: WriteContext,
    bindOrganisation: boolean,
  ): Promise<void>;
  /** The organisation the tenant's records of the provider are bound to, if one is. */
  boundOrganisation(tenantId: string, provider: ConnectorProvider): Promise<string | undefined>;
  remove(connection: Connection, context: WriteContext): Promise<void>;
  /** The Recoup record a provider's record was applied as (`source`: `<provider>#<organisation>`). */
  applied(tenantId: string, source: string, key: string): Promise<{ recordId: string } | undefined>;
  /** Marks a provider's record applied (false when it was marked before). */
  markApplied(tenantId: string, source: string, key: string, recordId: string): Promise<boolean>;
}
