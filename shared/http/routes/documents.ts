import * as z from 'zod/mini';
import '../../zod'; // zod/mini's English messages, before any of these schemas parses
import { READ_ROLES, WRITE_ROLES } from '../../domain/roles';
import { defineRoute } from '../route';
import { idParams } from '../schemas/common';
import {
  createAttachedDocumentBody,
  createDebtorDocumentBody,
  createdDocumentView,
  documentView,
  listDocumentsQuery,
} from '../schemas/documents';
import { debtorParams } from './debtors';
import { invoiceParams } from './invoices';

const documentParams = idParams('doc');
const disputeParams = idParams('dsp');

const created = {
  201: {
    description: 'Announced (pending_upload): upload the file with the signed form',
    schema: createdDocumentView,
  },
};

export const createDebtorDocument = defineRoute({
  id: 'createDebtorDocument',
  method: 'POST',
  path: '/v1/debtors/{id}/documents',
  handlerEntry: 'functions/api/documents/create-debtor-document.ts',
  summary:
    'Attach a document to a debtor (or one of its invoices, disputes or payments): a signed upload form',
  tag: 'Documents',
  auth: { kind: 'jwt', roles: [...WRITE_ROLES, 'debtor'] },
  request: { params: debtorParams, body: createDebtorDocumentBody },
  responses: created,
  idempotent: true,
  documentStore: true,
});

export const createInvoiceDocument = defineRoute({
  id: 'createInvoiceDocument',
  method: 'POST',
  path: '/v1/invoices/{id}/documents',
  handlerEntry: 'functions/api/documents/create-invoice-document.ts',
  summary: 'Attach a document to an invoice (a copy, the contract, proof of payment): a signed upload form',
  tag: 'Documents',
  auth: { kind: 'jwt', roles: [...WRITE_ROLES, 'debtor'] },
  request: { params: invoiceParams, body: createAttachedDocumentBody },
  responses: created,
  idempotent: true,
  documentStore: true,
});

export const createDisputeDocument = defineRoute({
  id: 'createDisputeDocument',
  method: 'POST',
  path: '/v1/disputes/{id}/documents',
  handlerEntry: 'functions/api/documents/create-dispute-document.ts',
  summary: 'Attach evidence to an open dispute: a signed upload form',
  tag: 'Documents',
  auth: { kind: 'jwt', roles: [...WRITE_ROLES, 'debtor'] },
  request: { params: disputeParams, body: createAttachedDocumentBody },
  responses: created,
  idempotent: true,
  documentStore: true,
});

export const listDebtorDocuments = defineRoute({
  id: 'listDebtorDocuments',
  method: 'GET',
  path: '/v1/debtors/{id}/documents',
  handlerEntry: 'functions/api/documents/list-debtor-documents.ts',
  summary: "A debtor's documents, oldest first (`attachedTo` for one record's)",
  tag: 'Documents',
  auth: { kind: 'jwt', roles: [...READ_ROLES, 'debtor'] },
  request: { params: debtorParams, query: listDocumentsQuery },
  responses: { 200: { description: 'Documents', schema: z.object({ items: z.array(documentView) }) } },
});

export const getDocument = defineRoute({
  id: 'getDocument',
  method: 'GET',
  path: '/v1/documents/{id}',
  handlerEntry: 'functions/api/documents/get-document.ts',
  summary: 'Get a document; once available, with a download link that works for five minutes',
  tag: 'Documents',
  auth: { kind: 'jwt', roles: [...READ_ROLES, 'debtor'] },
  request: { params: documentParams },
  responses: { 200: { description: 'The document', schema: documentView } },
  documentStore: true,
});
