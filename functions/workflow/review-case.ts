import { reviewCaseTask } from '../../shared/app/cases/review-case-task';
import { portalAccessFromEnvironment } from '../../shared/runtime/portal-access';
import { providePortalAccess, services } from '../../shared/runtime/services';
import { taskHandler } from '../../shared/workflow/task-handler';
import { reviewCaseInput } from '../../shared/workflow/task-inputs';

// The messages it sends may carry the debtor's portal link.
providePortalAccess(portalAccessFromEnvironment);

export const handler = taskHandler('ReviewCase', reviewCaseInput, (input) =>
  reviewCaseTask(services(), input.caseRef),
);
