import { apiHandler, noServices } from '../../../shared/http/api-handler';
import { health } from '../../../shared/http/routes/system';

export const handler = apiHandler(health, noServices, async () => ({ body: { status: 'ok' } }));
