import { checkDebtorCredit } from '../../../shared/app/credit/check-debtor-credit';
import { apiHandler } from '../../../shared/http/api-handler';
import { HttpProblem } from '../../../shared/http/problem';
import { checkDebtorCredit as route } from '../../../shared/http/routes/credit-reports';
import {
  CreditBureauNotFoundError,
  CreditBureauRateLimitedError,
  CreditBureauUnauthorisedError,
} from '../../../shared/ports/credit-bureau';
import { creditBureau } from '../../../shared/runtime/factories/credit-bureau';
import { creditReports } from '../../../shared/runtime/factories/credit-reports';
import { debtors } from '../../../shared/runtime/factories/debtors';
import { idempotency as idempotencyStore } from '../../../shared/runtime/factories/idempotency';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({ creditBureau, creditReports, debtors, idempotency: idempotencyStore });

export const handler = apiHandler(route, services, async ({ actor, idempotency, params }) => {
  try {
    return { body: await checkDebtorCredit(services(), { actor, idempotency }, params.id) };
  } catch (error) {
    if (error instanceof CreditBureauNotFoundError) {
      throw new HttpProblem(
        422,
        `${error.message}: check its registration or VAT number (taxId) and address`,
      );
    }
    if (error instanceof CreditBureauRateLimitedError) {
      throw new HttpProblem(503, 'The credit bureau is limiting requests', undefined, {
        'retry-after': String(error.retryAfterSeconds),
      });
    }
    // Our account's credentials, not the caller's: an operator must fix the secret.
    if (error instanceof CreditBureauUnauthorisedError) {
      throw new HttpProblem(502, 'The credit bureau refused our credentials');
    }
    throw error;
  }
});
