import type { StoredDocument } from '../../domain/documents/document';

export function documentView(document: StoredDocument) {
  const { tenantId: _tenantId, ...fields } = document;
  return fields;
}
