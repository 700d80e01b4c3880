/**
 * The built-in default cadence (domain rules §8, business debts). It applies until a tenant has
 * a default policy of its own; it is read-only, so its one version never changes under a case.
 */
import type { Policy } from './policy';

export const BUILTIN_DEFAULT_POLICY_ID = 'builtin-default';

/** Shared by every tenant and request of the process, so nothing may change it in place. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const nested of Object.values(value)) deepFreeze(nested);
    Object.freeze(value);
  }
  return value;
}

export const BUILTIN_DEFAULT_POLICY: Readonly<Policy> = deepFreeze<Policy>({
  id: BUILTIN_DEFAULT_POLICY_ID,
  tenantId: '*',
  name: 'Built-in default cadence',
  steps: [
    { offsetDays: -7, action: 'email' },
    { offsetDays: 0, action: 'email' },
    { offsetDays: 3, action: 'email' },
    { offsetDays: 10, action: 'sms' },
    { offsetDays: 10, action: 'email' },
    { offsetDays: 15, action: 'call_task', assignee: 'collector' },
    { offsetDays: 25, action: 'final_notice', channels: ['email', 'letter'] },
    { offsetDays: 35, action: 'call_task', assignee: 'manager' },
    { offsetDays: 45, action: 'handoff', handoffTo: 'agency' },
  ],
  version: 1,
  createdAt: '1970-01-01T00:00:00.000Z',
  createdBy: 'system',
  updatedAt: '1970-01-01T00:00:00.000Z',
  updatedBy: 'system',
  sendHour: 10,
});

export function isBuiltinPolicyId(id: string): boolean {
  return id === BUILTIN_DEFAULT_POLICY_ID;
}
