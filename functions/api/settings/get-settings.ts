import { getSettings } from '../../../shared/app/settings/tenant-settings';
import { apiHandler } from '../../../shared/http/api-handler';
import { getSettings as route } from '../../../shared/http/routes/settings';
import { settings } from '../../../shared/runtime/factories/settings';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({ settings });

export const handler = apiHandler(route, services, async ({ actor }) => {
  const view = await getSettings(services(), { actor });
  return { body: view, headers: { etag: `"${view.version}"` } };
});
