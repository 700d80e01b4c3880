/**
 * Payments through the local API: throughput for payments spread over many debtors, and the
 * DynamoDB round trips each payment costs (counted at the SDK, by command).
 */
import { startLocalRuntime } from '../local/runtime';

export interface PaymentFigures {
  payments: number;
  debtors: number;
  concurrency: number;
  perSecond: number;
  callsPerPayment: Record<string, number>;
  /** Transactions that recorded a payment (one each, plus the attempts lost to a concurrent change). */
  paymentTransactionsPerPayment: number;
  /** The other transactions: the reviews of the cases the payments woke. */
  otherTransactionsPerPayment: number;
}

export async function paymentsLoad(payments = 300, debtors = 30, concurrency = 16): Promise<PaymentFigures> {
  const calls = new Map<string, number>();
  let paymentTransactions = 0;
  let counting = false;
  const runtime = await startLocalRuntime({
    onDynamoDbCall: (command, input) => {
      if (!counting) return;
      calls.set(command, (calls.get(command) ?? 0) + 1);
      if (command === 'TransactWriteItemsCommand' && putsPayment(input)) paymentTransactions += 1;
    },
  });
  try {
    const { token } = await runtime.issuer.issue({ tenantId: 'bench', roles: ['accountant'] });
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const post = async (path: string, body: unknown) => {
      const response = await fetch(`${runtime.url}${path}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
      });
      const json = (await response.json()) as { id: string };
      if (response.status !== 201)
        throw new Error(`${path} answered ${response.status}: ${JSON.stringify(json)}`);
      return json;
    };
    const debtorIds: string[] = [];
    for (let index = 0; index < debtors; index++) {
      const debtor = await post('/v1/debtors', {
        name: `Payer ${index}`,
        kind: 'business',
        timezone: 'Europe/Madrid',
        jurisdiction: 'ES',
      });
      for (let invoice = 0; invoice < 3; invoice++) {
        await post('/v1/invoices', {
          debtorId: debtor.id,
          number: `B-${index}-${invoice}`,
          currency: 'EUR',
          amount: 1_000_000,
          issueDate: '2026-01-01',
          dueDate: `2026-02-0${invoice + 1}`,
        });
      }
      debtorIds.push(debtor.id);
    }
    counting = true;
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < payments) {
          const index = next++;
          await post('/v1/payments', {
            debtorId: debtorIds[index % debtors],
            currency: 'EUR',
            amount: 2_500,
            receivedAt: '2026-03-01T12:00:00Z',
          });
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    counting = false;
    const callsPerPayment = Object.fromEntries(
      [...calls.entries()].sort().map(([command, count]) => [command, Number((count / payments).toFixed(2))]),
    );
    return {
      payments,
      debtors,
      concurrency,
      perSecond: Number((payments / seconds).toFixed(1)),
      callsPerPayment,
      paymentTransactionsPerPayment: Number((paymentTransactions / payments).toFixed(2)),
      otherTransactionsPerPayment: Number(
        (((calls.get('TransactWriteItemsCommand') ?? 0) - paymentTransactions) / payments).toFixed(2),
      ),
    };
  } finally {
    await runtime.stop();
  }
}

/** A transaction that puts a Payment item (its input as the document client hands it on, or marshalled). */
function putsPayment(input: unknown): boolean {
  const items = (input as { TransactItems?: { Put?: { Item?: { entity?: unknown } } }[] }).TransactItems;
  return (items ?? []).some((item) => {
    const entity = item.Put?.Item?.entity;
    return entity === 'Payment' || (entity as { S?: string } | undefined)?.S === 'Payment';
  });
}
