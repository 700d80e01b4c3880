import { raiseCaseAlarmTask } from '../../shared/app/cases/raise-case-alarm-task';
import { metrics } from '../../shared/observability/powertools';
import { taskHandler } from '../../shared/workflow/task-handler';
import { raiseCaseAlarmInput } from '../../shared/workflow/task-inputs';
import { cases } from '../../shared/runtime/factories/cases';
import { wireServices } from '../../shared/runtime/wire-services';

const services = wireServices({ cases });

export const handler = taskHandler('RaiseCaseAlarm', raiseCaseAlarmInput, async (input) => {
  // The CaseFailures metric has a CloudWatch alarm on it.
  metrics.addMetric('CaseFailures', 'Count', 1);
  return raiseCaseAlarmTask(services(), input);
});
