import { getSettings } from '../../../shared/app/settings/tenant-settings';
import { apiHandler } from '../../../shared/http/api-handler';
import { getSettings as route } from '../../../shared/http/routes/settings';
import { services } from '../../../shared/runtime/services';

export const handler = apiHandler(route, async ({ actor }) => {
  const view = await getSettings(services(), { actor });
  return { body: view, headers: { etag: `"${view.version}"` } };
});
