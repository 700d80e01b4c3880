import { apiHandler, noServices } from '../../../shared/http/api-handler';
import { openApiDocumentFor } from '../../../shared/http/openapi';
import { apiRoutes, openApiDocument } from '../../../shared/http/routes';

let document: unknown;

export const handler = apiHandler(openApiDocument, noServices, async () => {
  document ??= openApiDocumentFor(apiRoutes);
  return { body: document, headers: { 'cache-control': 'public, max-age=300' } };
});
