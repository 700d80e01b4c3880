import { reviewCaseTask } from '../../shared/app/cases/review-case-task';
import { taskHandler } from '../../shared/workflow/task-handler';
import { reviewCaseInput } from '../../shared/workflow/task-inputs';
import { cases } from '../../shared/runtime/factories/cases';
import { contacts } from '../../shared/runtime/factories/contacts';
import { debtors } from '../../shared/runtime/factories/debtors';
import { ledger } from '../../shared/runtime/factories/ledger';
import { linkSigner } from '../../shared/runtime/factories/link-signer';
import { messages } from '../../shared/runtime/factories/messages';
import { policies } from '../../shared/runtime/factories/policies';
import { portalUsers } from '../../shared/runtime/factories/portal-users';
import { settings } from '../../shared/runtime/factories/settings';
import { templates } from '../../shared/runtime/factories/templates';
import { webBaseUrl } from '../../shared/runtime/factories/web-base-url';
import { workflow } from '../../shared/runtime/factories/workflow';
import { wireServices } from '../../shared/runtime/wire-services';

// The messages it sends may carry the debtor's portal link (linkSigner, portalUsers, webBaseUrl).
const services = wireServices({
  cases,
  contacts,
  debtors,
  ledger,
  linkSigner,
  messages,
  policies,
  portalUsers,
  settings,
  templates,
  webBaseUrl,
  workflow,
});

export const handler = taskHandler('ReviewCase', reviewCaseInput, (input) =>
  reviewCaseTask(services(), input.caseRef),
);
