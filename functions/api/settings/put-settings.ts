import { updateSettings } from '../../../shared/app/settings/tenant-settings';
import { apiHandler } from '../../../shared/http/api-handler';
import { putSettings as route } from '../../../shared/http/routes/settings';
import { services } from '../../../shared/runtime/services';

export const handler = apiHandler(route, async ({ actor, ifMatch, body }) => {
  const view = await updateSettings(services(), { actor, expectedVersion: ifMatch }, body);
  return { body: view, headers: { etag: `"${view.version}"` } };
});
