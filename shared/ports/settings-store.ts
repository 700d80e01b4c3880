import type { TenantSettings } from '../domain/settings/tenant-settings';
import type { WriteContext } from './write-context';

export interface SettingsStore {
  /** The tenant's settings, or the defaults (version 0) when never saved. */
  get(tenantId: string): Promise<TenantSettings>;
  put(before: TenantSettings, after: TenantSettings, context: WriteContext): Promise<void>;
}
