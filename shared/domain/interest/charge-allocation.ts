/** A payer naming the charges a payment is for: each checked against what the charge still owes. */
import type { FieldIssue } from '../errors';
import type { ChargePayment, ChargesOwed } from './charges';

export function allocateChargesExplicitly(
  requested: readonly ChargePayment[],
  owed: ChargesOwed | undefined,
  amount: number,
): { allocations: ChargePayment[] } | { issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const byId = new Map((owed?.charges ?? []).map((charge) => [charge.id, charge]));
  const seen = new Set<string>();
  let total = 0;
  requested.forEach((allocation, index) => {
    const path = `chargeAllocations.${index}`;
    const charge = byId.get(allocation.chargeId);
    if (seen.has(allocation.chargeId)) issues.push({ path: `${path}.chargeId`, message: 'is listed twice' });
    seen.add(allocation.chargeId);
    if (!charge)
      issues.push({
        path: `${path}.chargeId`,
        message: 'is not a charge of this debtor in the payment currency',
      });
    else if (allocation.amount > charge.owed) {
      issues.push({ path: `${path}.amount`, message: `exceeds the ${charge.owed} still owed on the charge` });
    }
    total += allocation.amount;
  });
  if (total > amount)
    issues.push({
      path: 'chargeAllocations',
      message: `add up to ${total}, more than the payment's ${amount}`,
    });
  return issues.length > 0
    ? { issues }
    : { allocations: requested.map(({ chargeId, amount: part }) => ({ chargeId, amount: part })) };
}
