import { READ_ROLES } from '../../domain/roles';
import { defineRoute } from '../route';
import { settingsBody, settingsView } from '../schemas/settings';

export const getSettings = defineRoute({
  id: 'getSettings',
  method: 'GET',
  path: '/v1/settings',
  handlerEntry: 'functions/api/settings/get-settings.ts',
  summary: "The tenant's settings: time zone, base currency, four-eyes thresholds",
  tag: 'Settings',
  auth: { kind: 'jwt', roles: READ_ROLES },
  request: {},
  responses: { 200: { description: 'Settings', schema: settingsView } },
});

export const putSettings = defineRoute({
  id: 'putSettings',
  method: 'PUT',
  path: '/v1/settings',
  handlerEntry: 'functions/api/settings/put-settings.ts',
  summary: "Replace the tenant's settings (If-Match for optimistic concurrency)",
  tag: 'Settings',
  auth: { kind: 'jwt', roles: ['admin'] },
  request: { body: settingsBody },
  responses: { 200: { description: 'Settings saved', schema: settingsView } },
  conditional: true,
});
