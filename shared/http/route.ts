/**
 * A route of the HTTP API: the one definition from which CDK creates API Gateway routes and
 * Lambdas, the local server dispatches requests, and the OpenAPI document is generated.
 */
import type * as z from 'zod/mini';
import type { Role } from '../domain/roles';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteDefinition<
  Body extends z.ZodMiniType = z.ZodMiniType,
  Query extends z.ZodMiniType = z.ZodMiniType,
  Params extends z.ZodMiniType = z.ZodMiniType,
> {
  /** Stable identifier, also the Lambda's logical name (e.g. `createDebtor`). */
  id: string;
  method: HttpMethod;
  /** API Gateway path syntax: `/v1/debtors/{id}`. */
  path: string;
  /** Entry module relative to the project root; it exports `handler`. */
  handlerEntry: string;
  summary: string;
  tag: string;
  /**
   * Roles allowed to call the route; `public` routes need no token; `signed` routes (a provider's
   * webhook) need none either, but the handler verifies the provider's signature of the body
   * before it reads or writes anything.
   */
  auth:
    | { kind: 'public' }
    | { kind: 'jwt'; roles: readonly Role[] }
    | { kind: 'signed'; by: 'stripe' | 'connector-state' };
  request: { body?: Body; query?: Query; params?: Params };
  /**
   * Responses by status code, for the OpenAPI document: the successful ones, and errors beyond
   * the common ones every route lists. JSON unless `mediaType` says otherwise (`text/csv` for the
   * exports, whose handlers answer with `ApiTextResult`; problem+json for an error).
   */
  responses: Record<
    number,
    {
      description: string;
      schema?: z.ZodMiniType;
      mediaType?: 'text/csv; charset=utf-8' | 'application/problem+json';
    }
  >;
  /** POST routes that move money or send a message accept and honour `Idempotency-Key`. */
  idempotent?: boolean;
  /** Reads `If-Match` for optimistic concurrency. */
  conditional?: boolean;
  /**
   * The change can alter what the debtor's collection case does next (money, disputes, promises,
   * plans, contact preferences): on success the case's workflow is woken. The debtor is the
   * response's `debtorId`, or the `{id}` of a debtor path.
   */
  signalsCase?: boolean;
  /**
   * The use case itself ends and wakes collection cases through the workflow engine (a merge ends
   * the duplicate's case and wakes the survivor's): the function gets the workflow's permissions,
   * and the handler wakes nothing more.
   */
  drivesCases?: boolean;
  /** Talks to the payment provider (its keys from Secrets Manager). */
  paymentProvider?: boolean;
  /** Orders credit reports from the bureau (its credentials from Secrets Manager). */
  creditBureau?: boolean;
  /** Issues portal links: the KMS link key and the user pool's portal users. */
  portalAccess?: boolean;
  /** Signs uploads to or downloads from the documents bucket. */
  documentStore?: boolean;
  /** Presigns uploads to the import files bucket and hands imports to their worker queue. */
  importFiles?: boolean;
  /** Queues webhook deliveries (the webhook queue's URL and permission to send to it). */
  webhookQueue?: boolean;
  /** Talks to accounting systems: their OAuth clients (Secrets Manager) and the token key (KMS). */
  accountingConnectors?: boolean;
  /** Queues connector syncs (the sync queue's URL and permission to send to it). */
  connectorSyncQueue?: boolean;
  /**
   * Works through many records in chunks (a merge, its reversal): the function may run as long as
   * API Gateway waits (29 s); what does not fit is finished by the next request or the tenant's
   * daily sweep.
   */
  longRunning?: boolean;
}

/**
 * The route keeps its flags' literal types (`idempotent: true`…), so the compiler can hold a
 * handler's wiring to what its wrapper does for the route (api-handler.ts).
 */
export function defineRoute<
  Body extends z.ZodMiniType,
  Query extends z.ZodMiniType,
  Params extends z.ZodMiniType,
  Flags extends Pick<RouteDefinition, 'idempotent' | 'signalsCase'>,
>(route: RouteDefinition<Body, Query, Params> & Flags): RouteDefinition<Body, Query, Params> & Flags {
  return route;
}
