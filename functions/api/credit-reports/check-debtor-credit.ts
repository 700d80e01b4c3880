import { checkDebtorCredit } from '../../../shared/app/credit/check-debtor-credit';
import { apiHandler } from '../../../shared/http/api-handler';
import { HttpProblem } from '../../../shared/http/problem';
import { checkDebtorCredit as route } from '../../../shared/http/routes/credit-reports';
import {
  CreditBureauNotFoundError,
  CreditBureauRateLimitedError,
  CreditBureauUnauthorisedError,
} from '../../../shared/ports/credit-bureau';
import { creditBureauFromEnvironment } from '../../../shared/runtime/credit-bureau';
import { provideCreditBureau, services } from '../../../shared/runtime/services';

provideCreditBureau(creditBureauFromEnvironment);

export const handler = apiHandler(route, async ({ actor, idempotency, params }) => {
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
