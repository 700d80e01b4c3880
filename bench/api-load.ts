/** Latency and throughput of create + get debtor against the local runtime (real DynamoDB Local). */
import { startLocalRuntime } from '../local/runtime';

export interface LoadFigures {
  operations: number;
  concurrency: number;
  seconds: number;
  perSecond: number;
  createMs: { p50: number; p95: number; p99: number };
  getMs: { p50: number; p95: number; p99: number };
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return Number((sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0).toFixed(1));
};

export async function apiLoad(operations = 400, concurrency = 16): Promise<LoadFigures> {
  const runtime = await startLocalRuntime();
  try {
    const { token } = await runtime.issuer.issue({ tenantId: 'bench', roles: ['admin'] });
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const createTimes: number[] = [];
    const getTimes: number[] = [];
    let next = 0;
    const worker = async () => {
      while (next < operations) {
        const index = next++;
        let started = performance.now();
        const created = await fetch(`${runtime.url}/v1/debtors`, {
          method: 'POST',
          headers,
          body: JSON.stringify({
            name: `Bench ${index}`,
            kind: 'business',
            timezone: 'Europe/Paris',
            jurisdiction: 'FR',
          }),
        });
        const { id } = (await created.json()) as { id: string };
        createTimes.push(performance.now() - started);
        started = performance.now();
        const fetched = await fetch(`${runtime.url}/v1/debtors/${id}`, { headers });
        await fetched.arrayBuffer();
        if (fetched.status !== 200) throw new Error(`GET answered ${fetched.status}`);
        getTimes.push(performance.now() - started);
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: concurrency }, worker));
    const seconds = (performance.now() - started) / 1000;
    return {
      operations,
      concurrency,
      seconds: Number(seconds.toFixed(2)),
      perSecond: Number(((operations * 2) / seconds).toFixed(0)),
      createMs: {
        p50: percentile(createTimes, 50),
        p95: percentile(createTimes, 95),
        p99: percentile(createTimes, 99),
      },
      getMs: { p50: percentile(getTimes, 50), p95: percentile(getTimes, 95), p99: percentile(getTimes, 99) },
    };
  } finally {
    await runtime.stop();
  }
}
