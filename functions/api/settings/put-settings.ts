import { updateSettings } from '../../../shared/app/settings/tenant-settings';
import { apiHandler } from '../../../shared/http/api-handler';
import { putSettings as route } from '../../../shared/http/routes/settings';
import { settings } from '../../../shared/runtime/factories/settings';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({ settings });

export const handler = apiHandler(route, services, async ({ actor, ifMatch, body }) => {
  const view = await updateSettings(services(), { actor, expectedVersion: ifMatch }, body);
  return { body: view, headers: { etag: `"${view.version}"` } };
});
