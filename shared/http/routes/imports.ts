import { LEDGER_ROLES, READ_ROLES } from '../../domain/roles';
import { defineRoute } from '../route';
import { idParams, pageOf } from '../schemas/common';
import {
  createdImportView,
  createImportBody,
  importErrorView,
  importView,
  listImportsQuery,
  startImportBody,
} from '../schemas/imports';

const importParams = idParams('imp');

export const createImport = defineRoute({
  id: 'createImport',
  method: 'POST',
  path: '/v1/imports',
  handlerEntry: 'functions/api/imports/create-import.ts',
  summary: 'Open a CSV import of debtors, invoices or payments; answers where to upload the file',
  tag: 'Imports',
  auth: { kind: 'jwt', roles: LEDGER_ROLES },
  request: { body: createImportBody },
  responses: { 201: { description: 'The import, awaiting its file', schema: createdImportView } },
  idempotent: true,
  importFiles: true,
});

export const startImport = defineRoute({
  id: 'startImport',
  method: 'POST',
  path: '/v1/imports/{id}/start',
  handlerEntry: 'functions/api/imports/start-import.ts',
  summary: 'Start an uploaded import (or resume a stopped one; or apply a validated dry run)',
  tag: 'Imports',
  auth: { kind: 'jwt', roles: LEDGER_ROLES },
  request: { params: importParams, body: startImportBody },
  responses: { 202: { description: 'The import, queued for its worker', schema: importView } },
  importFiles: true,
});

export const getImport = defineRoute({
  id: 'getImport',
  method: 'GET',
  path: '/v1/imports/{id}',
  handlerEntry: 'functions/api/imports/get-import.ts',
  summary: "An import's status, counts and progress",
  tag: 'Imports',
  auth: { kind: 'jwt', roles: READ_ROLES },
  request: { params: importParams },
  responses: { 200: { description: 'The import', schema: importView } },
});

export const listImports = defineRoute({
  id: 'listImports',
  method: 'GET',
  path: '/v1/imports',
  handlerEntry: 'functions/api/imports/list-imports.ts',
  summary: "The tenant's imports, newest first",
  tag: 'Imports',
  auth: { kind: 'jwt', roles: READ_ROLES },
  request: { query: listImportsQuery },
  responses: { 200: { description: 'A page of imports', schema: pageOf(importView, 'ImportPage') } },
});

export const listImportErrors = defineRoute({
  id: 'listImportErrors',
  method: 'GET',
  path: '/v1/imports/{id}/errors',
  handlerEntry: 'functions/api/imports/list-import-errors.ts',
  summary: 'The rows an import reported, in row order: row, field, reason',
  tag: 'Imports',
  auth: { kind: 'jwt', roles: READ_ROLES },
  request: { params: importParams, query: listImportsQuery },
  responses: {
    200: { description: 'A page of reported rows', schema: pageOf(importErrorView, 'ImportRowErrorPage') },
  },
});
