import { READ_ROLES } from '../../domain/roles';
import { defineRoute } from '../route';
import { alertRuleBody, alertRuleList, alertRuleView } from '../schemas/alerts';
import { idParams } from '../schemas/common';

export const createAlertRule = defineRoute({
  id: 'createAlertRule',
  method: 'POST',
  path: '/v1/alert-rules',
  handlerEntry: 'functions/api/alerts/create-alert-rule.ts',
  summary: 'Define a threshold alert (checked when each day closes; told once until cleared)',
  tag: 'Alerts',
  auth: { kind: 'jwt', roles: ['admin', 'manager'] },
  request: { body: alertRuleBody },
  responses: { 201: { description: 'The rule', schema: alertRuleView } },
  idempotent: true,
});

export const listAlertRules = defineRoute({
  id: 'listAlertRules',
  method: 'GET',
  path: '/v1/alert-rules',
  handlerEntry: 'functions/api/alerts/list-alert-rules.ts',
  summary: 'The threshold alerts and what is breaching them now',
  tag: 'Alerts',
  auth: { kind: 'jwt', roles: READ_ROLES },
  request: {},
  responses: { 200: { description: 'Rules, oldest first', schema: alertRuleList } },
});

export const deleteAlertRule = defineRoute({
  id: 'deleteAlertRule',
  method: 'DELETE',
  path: '/v1/alert-rules/{id}',
  handlerEntry: 'functions/api/alerts/delete-alert-rule.ts',
  summary: 'Remove a threshold alert',
  tag: 'Alerts',
  auth: { kind: 'jwt', roles: ['admin', 'manager'] },
  request: { params: idParams('alr') },
  responses: { 200: { description: 'The removed rule', schema: alertRuleView } },
});
