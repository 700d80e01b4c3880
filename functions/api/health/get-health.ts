import { apiHandler } from '../../../shared/http/api-handler';
import { health } from '../../../shared/http/routes/system';

export const handler = apiHandler(health, async () => ({ body: { status: 'ok' } }));
