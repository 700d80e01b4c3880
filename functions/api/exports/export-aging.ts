import { exportAging } from '../../../shared/app/exports/export-aging';
import { apiHandler } from '../../../shared/http/api-handler';
import { exportAging as route } from '../../../shared/http/routes/exports';
import { services } from '../../../shared/runtime/services';
import { csvResult } from '../../../shared/http/csv-result';

export const handler = apiHandler(route, async ({ actor, query }) =>
  csvResult(await exportAging(services(), { actor }, query)),
);
