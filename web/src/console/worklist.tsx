import { api } from '../api/client';
import type { WorklistEntry } from '../api/types';
import { useResource } from '../components/use-resource';
import { useI18n } from '../i18n/i18n';

/** Today's worklist, in rank order: what needs a person, and for whom. */
export function Worklist() {
  const { t, money } = useI18n();
  const list = useResource(() => api.get<{ date: string; items: WorklistEntry[] }>('/v1/worklist'), []);
  return (
    <section aria-labelledby="worklist">
      <h1 id="worklist">
        {t('console.worklist')} {list.data ? <small class="muted">{list.data.date}</small> : null}
      </h1>
      {list.error ? <p role="alert">{list.error.message}</p> : null}
      {list.data && list.data.items.length === 0 ? <p>{t('console.noWork')}</p> : null}
      {list.data && list.data.items.length > 0 ? (
        <div class="table-wrap">
          <table data-testid="worklist">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('console.debtor')}</th>
                <th scope="col">{t('console.why')}</th>
                <th scope="col" class="number">
                  {t('console.overdue')}
                </th>
                <th scope="col" class="number">
                  {t('console.daysPastDue')}
                </th>
                <th scope="col">{t('console.assigned')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((entry) => (
                <tr key={`${entry.rank}-${entry.sourceId}`} data-kind={entry.kind}>
                  <td>{entry.rank}</td>
                  <th scope="row">
                    <a href={`/console/debtors/${entry.debtorId}`}>{entry.debtorName}</a>
                  </th>
                  <td>{entry.reason}</td>
                  <td class="number">
                    {entry.overdue ? money(entry.overdue.amount, entry.overdue.currency) : '—'}
                  </td>
                  <td class="number">{entry.daysPastDue}</td>
                  <td>{entry.assignedTo ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
