import { defineRoute } from '../route';
import { worklistQuery, worklistView } from '../schemas/worklist';

export const getWorklist = defineRoute({
  id: 'getWorklist',
  method: 'GET',
  path: '/v1/worklist',
  handlerEntry: 'functions/api/worklist/get-worklist.ts',
  summary: "The day's worklist: prioritised tasks with their reason and due time, by collector",
  tag: 'Worklist',
  auth: { kind: 'jwt', roles: ['admin', 'manager', 'collector', 'auditor'] },
  request: { query: worklistQuery },
  responses: { 200: { description: 'Ranked items (rank 1 first)', schema: worklistView } },
});
