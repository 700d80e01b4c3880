import { defineRoute } from '../route';
import { auditEntryView, listAuditQuery } from '../schemas/audit';
import { pageOf } from '../schemas/common';

export const listAudit = defineRoute({
  id: 'listAudit',
  method: 'GET',
  path: '/v1/audit',
  handlerEntry: 'functions/api/audit/list-audit.ts',
  summary: "An entity's change history (who, what, when, before/after), or the tenant's newest first",
  tag: 'Audit',
  auth: { kind: 'jwt', roles: ['admin', 'manager', 'auditor', 'accountant'] },
  request: { query: listAuditQuery },
  responses: { 200: { description: 'A page of audit records', schema: pageOf(auditEntryView, 'AuditPage') } },
});
