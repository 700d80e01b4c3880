import { parkCaseTask } from '../../shared/app/cases/park-case-task';
import { services } from '../../shared/runtime/services';
import { taskHandler } from '../../shared/workflow/task-handler';
import { parkCaseInput } from '../../shared/workflow/task-inputs';

export const handler = taskHandler('WaitForNextStep', parkCaseInput, (input) =>
  parkCaseTask(services(), input),
);
