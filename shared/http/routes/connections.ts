import { WRITE_ROLES } from '../../domain/roles';
import { defineRoute } from '../route';
import { idParams, problemSchema } from '../schemas/common';
import {
  connectionCallbackQuery,
  connectionList,
  connectionView,
  createConnectionBody,
  pushedInvoiceNote,
  pushInvoiceNoteBody,
  startedConnection,
} from '../schemas/connections';

/** Connections hold the keys to the tenant's books: admins only. */
const ADMIN = { kind: 'jwt', roles: ['admin'] } as const;

export const createConnection = defineRoute({
  id: 'createConnection',
  method: 'POST',
  path: '/v1/connections',
  handlerEntry: 'functions/api/connections/create-connection.ts',
  summary: 'Connect an accounting system (QuickBooks Online, Xero): answers its consent page',
  tag: 'Connections',
  auth: ADMIN,
  request: { body: createConnectionBody },
  responses: {
    201: { description: 'The pending connection and where to authorize it', schema: startedConnection },
  },
  idempotent: true,
  accountingConnectors: true,
});

export const connectionCallback = defineRoute({
  id: 'connectionCallback',
  method: 'GET',
  path: '/v1/connections/callback',
  handlerEntry: 'functions/api/connections/connection-callback.ts',
  summary: "The accounting system's OAuth redirect: the code becomes the connection's tokens",
  tag: 'Connections',
  // No token: the provider sends the browser back; the handler opens the sealed state first.
  auth: { kind: 'signed', by: 'connector-state' },
  request: { query: connectionCallbackQuery },
  responses: {
    200: { description: 'The active connection', schema: connectionView },
    502: {
      description: 'The accounting system answered the code exchange unexpectedly: try connecting again',
      schema: problemSchema,
      mediaType: 'application/problem+json',
    },
  },
  accountingConnectors: true,
});

export const listConnections = defineRoute({
  id: 'listConnections',
  method: 'GET',
  path: '/v1/connections',
  handlerEntry: 'functions/api/connections/list-connections.ts',
  summary: "The tenant's accounting connections and their last sync",
  tag: 'Connections',
  auth: ADMIN,
  request: {},
  responses: { 200: { description: 'Connections, oldest first', schema: connectionList } },
});

export const syncConnection = defineRoute({
  id: 'syncConnection',
  method: 'POST',
  path: '/v1/connections/{id}/sync',
  handlerEntry: 'functions/api/connections/sync-connection.ts',
  summary: 'Sync now: queues a pull of what changed since the last one',
  tag: 'Connections',
  auth: ADMIN,
  request: { params: idParams('con') },
  responses: { 202: { description: 'Queued; follow it in the connection', schema: connectionView } },
  connectorSyncQueue: true,
});

export const deleteConnection = defineRoute({
  id: 'deleteConnection',
  method: 'DELETE',
  path: '/v1/connections/{id}',
  handlerEntry: 'functions/api/connections/delete-connection.ts',
  summary: 'Disconnect: the grant is revoked at the provider (what was synced stays)',
  tag: 'Connections',
  auth: ADMIN,
  request: { params: idParams('con') },
  responses: { 200: { description: 'The deleted connection', schema: connectionView } },
  accountingConnectors: true,
});

export const pushInvoiceNote = defineRoute({
  id: 'pushInvoiceNote',
  method: 'POST',
  path: '/v1/invoices/{id}/accounting-note',
  handlerEntry: 'functions/api/connections/push-invoice-note.ts',
  summary: "Add a collection note to a synced invoice in the accounting system (QuickBooks' PrivateNote)",
  tag: 'Connections',
  auth: { kind: 'jwt', roles: WRITE_ROLES },
  request: { params: idParams('inv'), body: pushInvoiceNoteBody },
  responses: {
    200: { description: 'The note as the accounting system received it', schema: pushedInvoiceNote },
  },
  // It sends something out: a retry with the same key answers the first push instead of adding
  // the line to the invoice again.
  idempotent: true,
  accountingConnectors: true,
});
