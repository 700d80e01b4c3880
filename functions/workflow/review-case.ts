import { reviewCaseTask } from '../../shared/app/cases/review-case-task';
import { services } from '../../shared/runtime/services';
import { taskHandler } from '../../shared/workflow/task-handler';
import { reviewCaseInput } from '../../shared/workflow/task-inputs';

export const handler = taskHandler('ReviewCase', reviewCaseInput, (input) =>
  reviewCaseTask(services(), input.caseRef),
);
