/**
 * The dashboard: the period's figures exactly as `GET /v1/metrics` gives them (DSO, CEI, average
 * days delinquent, promise-kept rate), the aging, DSO by month, collector productivity, and cash
 * collected against the forecast. One currency at a time: figures are never summed across them.
 */
import { useState } from 'preact/hooks';
import { api } from '../api/client';
import { useResource } from '../components/use-resource';
import { useI18n } from '../i18n/i18n';
import { LineChart } from './line-chart';

interface Figures {
  period: { from: string; to: string };
  dso: number | null;
  cei: number | null;
  averageDaysDelinquent: number | null;
  promiseKeptRate: number | null;
  aging: Record<'current' | 'd1_30' | 'd31_60' | 'd61_90' | 'd90_plus', number>;
  inputs: { collections: number };
}

interface Metrics extends Figures {
  currency: string;
  series?: Figures[];
}

interface Productivity {
  reminders: Record<string, number>;
  people: { id: string; name?: string; calls: number; conversations: number; contacts: number }[];
}

interface Forecast {
  currency: string;
  weeks: { from: string; to: string; expected: number }[];
  accuracy: { from: string; to: string; expected: number; actual: number; errorPercent: number | null }[];
}

function daysBefore(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

const BUCKETS = ['current', 'd1_30', 'd31_60', 'd61_90', 'd90_plus'] as const;
const BUCKET_LABELS: Record<(typeof BUCKETS)[number], string> = {
  current: 'Current',
  d1_30: '1–30',
  d31_60: '31–60',
  d61_90: '61–90',
  d90_plus: '90+',
};

export function Dashboard() {
  const { t, money } = useI18n();
  const [days, setDays] = useState(90);
  const [currency, setCurrency] = useState<string | undefined>(undefined);
  // Today is the tenant's today (in its time zone), as the portfolio is stated.
  const context = useResource(async () => {
    const portfolio = await api.get<{ asOf: string; currencies: { currency: string }[] }>('/v1/portfolio');
    return { today: portfolio.asOf, currencies: portfolio.currencies.map((entry) => entry.currency) };
  }, []);
  const chosen = currency ?? context.data?.currencies[0];
  const figures = useResource(async () => {
    if (!context.data || !chosen) return undefined;
    const to = context.data.today;
    const from = daysBefore(to, days - 1);
    const query = `from=${from}&to=${to}&currency=${chosen}`;
    const [metrics, productivity, forecast] = await Promise.all([
      api.get<Metrics>(`/v1/metrics?${query}&granularity=month`),
      api.get<Productivity>(`/v1/productivity?from=${from}&to=${to}`),
      api.get<Forecast>(`/v1/forecast?currency=${chosen}`).catch(() => undefined),
    ]);
    return { metrics, productivity, forecast };
  }, [context.data, chosen, days]);

  const metrics = figures.data?.metrics;
  const number = (value: number | null | undefined, digits = 1) =>
    value === null || value === undefined ? t('console.dashboard.none') : value.toFixed(digits);
  const maxBucket = metrics ? Math.max(1, ...BUCKETS.map((bucket) => metrics.aging[bucket])) : 1;

  return (
    <section aria-labelledby="dashboard">
      <h1 id="dashboard">{t('console.dashboard')}</h1>
      <form class="inline" onSubmit={(event) => event.preventDefault()}>
        <label>
          {t('console.dashboard.period')}
          <select value={String(days)} onChange={(event) => setDays(Number(event.currentTarget.value))}>
            <option value="30">30</option>
            <option value="90">90</option>
            <option value="365">365</option>
          </select>
        </label>
        <label>
          {t('console.dashboard.currency')}
          <select value={chosen} onChange={(event) => setCurrency(event.currentTarget.value)}>
            {(context.data?.currencies ?? []).map((code) => (
              <option key={code}>{code}</option>
            ))}
          </select>
        </label>
      </form>
      {figures.error ? <p role="alert">{figures.error.message}</p> : null}
      {metrics ? (
        <>
          <dl
            class="tiles"
            data-testid="figures"
            data-from={metrics.period.from}
            data-to={metrics.period.to}
            data-currency={metrics.currency}
          >
            <div>
              <dt>{t('console.dashboard.dso')}</dt>
              <dd data-testid="dso">{number(metrics.dso)}</dd>
            </div>
            <div>
              <dt>{t('console.dashboard.cei')}</dt>
              <dd data-testid="cei">{number(metrics.cei)}</dd>
            </div>
            <div>
              <dt>{t('console.dashboard.add')}</dt>
              <dd data-testid="add">{number(metrics.averageDaysDelinquent)}</dd>
            </div>
            <div>
              <dt>{t('console.dashboard.promiseKept')}</dt>
              <dd data-testid="promise-kept">
                {metrics.promiseKeptRate === null
                  ? t('console.dashboard.none')
                  : `${number(metrics.promiseKeptRate * 100, 0)} %`}
              </dd>
            </div>
          </dl>

          <h2>{t('console.dashboard.aging')}</h2>
          <table class="bars" data-testid="aging">
            <tbody>
              {BUCKETS.map((bucket) => (
                <tr key={bucket}>
                  <th scope="row">{BUCKET_LABELS[bucket]}</th>
                  <td class="bar-cell">
                    <span class="bar" style={{ width: `${(metrics.aging[bucket] / maxBucket) * 100}%` }} />
                  </td>
                  <td class="number" data-bucket={bucket}>
                    {money(metrics.aging[bucket], metrics.currency)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>

          <h2>{t('console.dashboard.trend')}</h2>
          <LineChart
            label={t('console.dashboard.trend')}
            points={(metrics.series ?? []).map((month) => ({
              x: month.period.from.slice(0, 7),
              y: month.dso,
            }))}
          />

          <h2>{t('console.dashboard.productivity')}</h2>
          <table data-testid="productivity">
            <tbody>
              {(figures.data?.productivity.people ?? []).map((person) => (
                <tr key={person.id}>
                  <th scope="row">{person.name ?? person.id}</th>
                  <td class="number">
                    {t('console.dashboard.calls')}: {person.calls}
                  </td>
                  <td class="number">
                    {t('console.dashboard.conversations')}: {person.conversations}
                  </td>
                  <td class="number">
                    {t('console.dashboard.contacts')}: {person.contacts}
                  </td>
                </tr>
              ))}
              {Object.entries(figures.data?.productivity.reminders ?? {}).map(([channel, count]) => (
                <tr key={channel}>
                  <th scope="row">
                    {t('console.dashboard.automated')}: {channel}
                  </th>
                  <td class="number">{count}</td>
                  <td />
                  <td />
                </tr>
              ))}
            </tbody>
          </table>

          {figures.data?.forecast ? (
            <>
              <h2>{t('console.dashboard.forecast')}</h2>
              <table>
                <tbody>
                  {figures.data.forecast.accuracy.slice(-4).map((week) => (
                    <tr key={week.from}>
                      <th scope="row">{week.from}</th>
                      <td class="number">{money(week.actual, figures.data!.forecast!.currency)}</td>
                      <td class="number muted">{money(week.expected, figures.data!.forecast!.currency)}</td>
                    </tr>
                  ))}
                  {figures.data.forecast.weeks.slice(0, 4).map((week) => (
                    <tr key={week.from}>
                      <th scope="row">{week.from}</th>
                      <td />
                      <td class="number">{money(week.expected, figures.data!.forecast!.currency)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
