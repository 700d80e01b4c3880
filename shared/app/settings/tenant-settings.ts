import { auditor } from '../audit/auditor';
import { ConflictError } from '../../domain/errors';
import type { TenantSettings } from '../../domain/settings/tenant-settings';
import type { Services } from '../../runtime/services';
import type { UseCaseContext } from '../context';

export function settingsView(settings: TenantSettings) {
  const { tenantId: _tenantId, ...fields } = settings;
  return fields;
}

export async function getSettings(services: Pick<Services, 'settings'>, context: UseCaseContext) {
  return settingsView(await services.settings.get(context.actor.tenantId));
}

export async function updateSettings(
  services: Pick<Services, 'clock' | 'ids' | 'settings'>,
  context: UseCaseContext,
  changes: Pick<
    TenantSettings,
    | 'timezone'
    | 'approvalThresholds'
    | 'contactRules'
    | 'collectors'
    | 'alerts'
    | 'selfServicePlans'
    | 'creditChecks'
  > & {
    baseCurrency?: string;
  },
) {
  const before = await services.settings.get(context.actor.tenantId);
  if (context.expectedVersion !== undefined && context.expectedVersion !== before.version) {
    throw new ConflictError(`Settings are at version ${before.version}, not ${context.expectedVersion}`);
  }
  const now = services.clock.now();
  const after: TenantSettings = {
    ...before,
    ...changes,
    version: before.version + 1,
    updatedAt: now.toISOString(),
    updatedBy: context.actor.sub,
  };
  await services.settings.put(before, after, {
    audit: [
      auditor(services.ids, context.actor, now)('settings', 'settings', 'settings.updated', before, after),
    ],
  });
  return settingsView(after);
}
