import { useState } from 'preact/hooks';
import { api } from '../api/client';
import type { DocumentRecord } from '../api/types';
import { useI18n } from '../i18n/i18n';

/**
 * Documents with a download button each. The link is asked for on the click: it works for a few
 * minutes only, so it is never kept in the page. Documents not (yet) available say why.
 */
export function DocumentList({
  documents,
  testId,
  describe,
}: {
  documents: DocumentRecord[];
  testId?: string;
  /** What the document is and what it belongs to, shown after its name. */
  describe?: (document: DocumentRecord) => string;
}) {
  const { t } = useI18n();
  const [failed, setFailed] = useState(false);
  if (documents.length === 0) return null;
  const download = async (id: string) => {
    setFailed(false);
    try {
      const document = await api.get<DocumentRecord>(`/v1/documents/${id}`);
      if (!document.download) throw new Error('not available');
      window.location.assign(document.download.url);
    } catch {
      setFailed(true);
    }
  };
  return (
    <>
      <ul class="documents" data-testid={testId}>
        {documents.map((document) => (
          <li key={document.id}>
            {document.status === 'available' ? (
              <button type="button" class="link" onClick={() => void download(document.id)}>
                {document.fileName}
              </button>
            ) : (
              <span>
                {document.fileName}{' '}
                <span class="muted">({t(`document.${document.status}` as 'document.pending_scan')})</span>
              </span>
            )}
            {describe ? <span class="muted"> · {describe(document)}</span> : null}
          </li>
        ))}
      </ul>
      {failed ? (
        <p role="alert" class="status error">
          {t('document.downloadFailed')}
        </p>
      ) : null}
    </>
  );
}
