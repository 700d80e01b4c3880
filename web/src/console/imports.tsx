/**
 * Imports: a CSV file of debtors, invoices or payments, validated row by row and applied (or only
 * validated: a dry run), with its progress while it runs and the rows it reported (row, field,
 * reason) when it is done; the tenant's recent imports below.
 */
import { useEffect, useState } from 'preact/hooks';
import { api, type Page } from '../api/client';
import {
  getImport,
  importProblems,
  isFinished,
  startImport,
  type ImportJob,
  type ImportKind,
  type RowProblem,
} from '../api/imports';
import { FormStatus } from '../components/form-status';
import { useResource } from '../components/use-resource';
import { useSubmit } from '../components/use-submit';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';

const POLL_MS = 500;

export function Imports() {
  const { t } = useI18n();
  const [kind, setKind] = useState<ImportKind>('debtors');
  const [file, setFile] = useState<File | undefined>(undefined);
  const [dryRun, setDryRun] = useState(false);
  const [job, setJob] = useState<ImportJob | undefined>(undefined);
  const [problems, setProblems] = useState<RowProblem[]>([]);
  const recent = useResource(() => api.get<Page<ImportJob>>('/v1/imports?limit=10'), []);
  const submit = useSubmit(async () => {
    if (!file) return;
    setProblems([]);
    setJob(await startImport(kind, file, dryRun));
  });

  useEffect(() => {
    if (!job || isFinished(job)) return;
    const timer = setTimeout(() => {
      void getImport(job.id).then(async (next) => {
        setJob(next);
        if (isFinished(next)) {
          setProblems((await importProblems(next.id)).items);
          recent.reload();
        }
      });
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [job]);

  const counts = job ? (job.dryRun ? job.validation : job.counts) : undefined;
  return (
    <section aria-labelledby="imports">
      <h1 id="imports">{t('console.imports')}</h1>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit.submit();
        }}
      >
        <label>
          {t('console.imports.kind')}
          <select value={kind} onChange={(event) => setKind(event.currentTarget.value as ImportKind)}>
            <option value="debtors">{t('console.imports.debtors')}</option>
            <option value="invoices">{t('console.imports.invoices')}</option>
            <option value="payments">{t('console.imports.payments')}</option>
          </select>
        </label>
        <label>
          {t('console.imports.file')}
          <input
            type="file"
            accept=".csv,text/csv"
            required
            onChange={(event) => setFile(event.currentTarget.files?.[0])}
          />
        </label>
        <label class="check">
          <input
            type="checkbox"
            checked={dryRun}
            onChange={(event) => setDryRun(event.currentTarget.checked)}
          />
          {t('console.imports.dryRun')}
        </label>
        <button type="submit" disabled={!file || submit.busy || (job !== undefined && !isFinished(job))}>
          {t('console.imports.start')}
        </button>
        <FormStatus done={submit.done} error={submit.error} doneText={t('console.imports.started')} />
      </form>
      {job ? (
        <div data-testid="import-job" aria-live="polite">
          <p>
            {job.fileName}:{' '}
            <strong data-testid="import-status">
              {t(`console.imports.status.${job.status}` as MessageKey)}
            </strong>
            {job.failure ? ` (${job.failure})` : ''}
          </p>
          <progress max={100} value={job.progress.percent} aria-label={t('console.imports.progress')}>
            {job.progress.percent}%
          </progress>
          {counts ? (
            <p data-testid="import-counts">
              {t('console.imports.rows')} {counts.rows} ·{' '}
              {t(job.dryRun ? 'console.imports.wouldCreate' : 'console.imports.created')} {counts.created} ·{' '}
              {t('console.imports.updated')} {counts.updated} · {t('console.imports.unchanged')}{' '}
              {counts.unchanged} · {t('console.imports.invalid')} {counts.invalid}
            </p>
          ) : null}
          {problems.length > 0 ? (
            <table data-testid="import-problems">
              <caption>{t('console.imports.problems')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('console.imports.row')}</th>
                  <th scope="col">{t('console.imports.field')}</th>
                  <th scope="col">{t('console.imports.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {problems.map((problem) => (
                  <tr key={`${problem.row}-${problem.field}`}>
                    <td>{problem.row}</td>
                    <td>{problem.field}</td>
                    <td>{problem.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </div>
      ) : null}
      <h2>{t('console.imports.recent')}</h2>
      <ul>
        {recent.data?.items.map((item) => (
          <li key={item.id}>
            {item.fileName} · {t(`console.imports.${item.kind}` as MessageKey)} ·{' '}
            {t(`console.imports.status.${item.status}` as MessageKey)} · {item.counts.rows}
          </li>
        ))}
      </ul>
    </section>
  );
}
