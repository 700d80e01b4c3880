import { parkCaseTask } from '../../shared/app/cases/park-case-task';
import { taskHandler } from '../../shared/workflow/task-handler';
import { parkCaseInput } from '../../shared/workflow/task-inputs';
import { cases } from '../../shared/runtime/factories/cases';
import { workflow } from '../../shared/runtime/factories/workflow';
import { wireServices } from '../../shared/runtime/wire-services';

const services = wireServices({ cases, workflow });

export const handler = taskHandler('WaitForNextStep', parkCaseInput, (input) =>
  parkCaseTask(services(), input),
);
