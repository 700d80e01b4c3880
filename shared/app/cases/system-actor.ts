import type { Actor } from '../../domain/actor';

/** The workflow acts as the system within the case's tenant (audited as `system:workflow`). */
export function workflowActor(tenantId: string): Actor {
  return { sub: 'system:workflow', tenantId, roles: ['admin'] };
}

/** The nightly schedules act as the system too (audited as `system:schedule`). */
export function scheduleActor(tenantId: string): Actor {
  return { sub: 'system:schedule', tenantId, roles: ['admin'] };
}

/** The webhook sender acts as the system when it disables a failing endpoint (`system:webhooks`). */
export function webhookActor(tenantId: string): Actor {
  return { sub: 'system:webhooks', tenantId, roles: ['admin'] };
}

/** The storage's events act as the system too (audited as `system:documents`). */
export function documentsActor(tenantId: string): Actor {
  return { sub: 'system:documents', tenantId, roles: ['admin'] };
}

/** Records pulled from an accounting system are applied as the system (`system:connector`). */
export function connectorActor(tenantId: string): Actor {
  return { sub: 'system:connector', tenantId, roles: ['admin'] };
}
