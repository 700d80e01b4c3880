/**
 * The policy editor: a cadence's steps (day offset from the due date, action, template), saved as
 * a new version (running cases keep theirs), and the simulator's verdict on the saved version —
 * what it would send, on time or deferred by the compliance gate, and every rule the cadence as
 * written would have broken.
 */
import { useState } from 'preact/hooks';
import { api, type Page } from '../api/client';
import { FormStatus } from '../components/form-status';
import { useResource } from '../components/use-resource';
import { useSubmit } from '../components/use-submit';
import { useI18n } from '../i18n/i18n';

const ACTIONS = ['email', 'sms', 'letter', 'voice', 'call_task', 'final_notice', 'handoff'] as const;

interface Step {
  offsetDays: number;
  action: (typeof ACTIONS)[number];
  template?: string;
}

interface Policy {
  id: string;
  name: string;
  steps: Step[];
  version: number;
  appliesTo?: unknown;
  sendHour?: number;
}

interface Simulation {
  policy: { version: number };
  lawful: boolean;
  debtors: number;
  summary: {
    planned: number;
    sent: number;
    sentOnTime: number;
    deferred: number;
    byChannel: Record<string, number>;
    wouldHaveBroken: Record<string, number>;
  };
}

export function PolicyEditor() {
  const { t } = useI18n();
  const policies = useResource(() => api.get<Page<Policy>>('/v1/policies'), []);
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  // Kept here: saving makes a new version, and the form of the new version replaces the old one.
  const [saved, setSaved] = useState(false);
  const current = policies.data?.items.find(
    (policy) => policy.id === (chosen ?? policies.data?.items[0]?.id),
  );
  return (
    <section aria-labelledby="policies">
      <h1 id="policies">{t('console.policies')}</h1>
      {policies.data && policies.data.items.length > 0 ? (
        <label>
          {t('console.policy')}
          <select value={current?.id} onChange={(event) => setChosen(event.currentTarget.value)}>
            {policies.data.items.map((policy) => (
              <option key={policy.id} value={policy.id}>
                {policy.name} (v{policy.version})
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {saved ? (
        <p role="status" class="status ok">
          {t('console.policySaved')}
        </p>
      ) : null}
      {current ? (
        <PolicyForm
          key={`${current.id}@${current.version}`}
          policy={current}
          onSaved={() => {
            setSaved(true);
            policies.reload();
          }}
        />
      ) : null}
    </section>
  );
}

function PolicyForm({ policy, onSaved }: { policy: Policy; onSaved: () => void }) {
  const { t } = useI18n();
  const [name, setName] = useState(policy.name);
  const [steps, setSteps] = useState<Step[]>(policy.steps.map((step) => ({ ...step })));
  const [simulation, setSimulation] = useState<Simulation | undefined>(undefined);
  const save = useSubmit(async () => {
    const { id: _id, version: _version, ...rest } = policy;
    await api.put(
      `/v1/policies/${policy.id}`,
      {
        name,
        steps: steps.map((step) => ({
          offsetDays: step.offsetDays,
          action: step.action,
          ...(step.template ? { template: step.template } : {}),
        })),
        ...(rest.appliesTo ? { appliesTo: rest.appliesTo } : {}),
        ...(rest.sendHour !== undefined ? { sendHour: rest.sendHour } : {}),
      },
      policy.version,
    );
    onSaved();
  });
  const simulate = useSubmit(async () => {
    setSimulation(
      await api.post<Simulation>(`/v1/policies/${policy.id}/simulate`, {
        days: 120,
        sample: { count: 200, seed: 1 },
      }),
    );
  });
  const change = (index: number, patch: Partial<Step>) =>
    setSteps(steps.map((step, at) => (at === index ? { ...step, ...patch } : step)));
  return (
    <>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save.submit();
        }}
      >
        <label>
          {t('console.policyName')}
          <input
            name="policyName"
            required
            value={name}
            onInput={(event) => setName(event.currentTarget.value)}
          />
        </label>
        <table data-testid="policy-steps">
          <thead>
            <tr>
              <th scope="col">{t('console.stepDay')}</th>
              <th scope="col">{t('console.stepAction')}</th>
              <th scope="col">{t('console.stepTemplate')}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {steps.map((step, index) => (
              <tr key={index}>
                <td>
                  <input
                    aria-label={`${t('console.stepDay')} ${index + 1}`}
                    type="number"
                    value={String(step.offsetDays)}
                    onInput={(event) => change(index, { offsetDays: Number(event.currentTarget.value) })}
                  />
                </td>
                <td>
                  <select
                    aria-label={`${t('console.stepAction')} ${index + 1}`}
                    value={step.action}
                    onChange={(event) =>
                      change(index, { action: event.currentTarget.value as Step['action'] })
                    }
                  >
                    {ACTIONS.map((action) => (
                      <option key={action} value={action}>
                        {action}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input
                    aria-label={`${t('console.stepTemplate')} ${index + 1}`}
                    value={step.template ?? ''}
                    onInput={(event) => change(index, { template: event.currentTarget.value || undefined })}
                  />
                </td>
                <td>
                  <button
                    type="button"
                    class="link"
                    onClick={() => setSteps(steps.filter((_, at) => at !== index))}
                  >
                    {t('console.stepRemove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button
          type="button"
          onClick={() =>
            setSteps([...steps, { offsetDays: (steps.at(-1)?.offsetDays ?? 0) + 7, action: 'email' }])
          }
        >
          {t('console.stepAdd')}
        </button>
        <button type="submit" disabled={save.busy}>
          {t('console.policySave')}
        </button>
        <FormStatus done={false} error={save.error} doneText="" />
      </form>
      <button type="button" disabled={simulate.busy} onClick={() => void simulate.submit()}>
        {t('console.simulate')}
      </button>
      <FormStatus done={false} error={simulate.error} doneText="" />
      {simulation ? (
        <dl class="tiles" data-testid="simulation">
          <div>
            <dt>{t('console.simLawful')}</dt>
            <dd data-testid="sim-lawful">{simulation.lawful ? '✓' : '✗'}</dd>
          </div>
          <div>
            <dt>{t('console.simSent')}</dt>
            <dd data-testid="sim-sent">
              {simulation.summary.sent} / {simulation.summary.planned}
            </dd>
          </div>
          <div>
            <dt>{t('console.simOnTime')}</dt>
            <dd>{simulation.summary.sentOnTime}</dd>
          </div>
          <div>
            <dt>{t('console.simDeferred')}</dt>
            <dd>{simulation.summary.deferred}</dd>
          </div>
        </dl>
      ) : null}
      {simulation ? (
        <>
          <h2>{t('console.simWouldBreak')}</h2>
          <table data-testid="sim-would-break">
            <tbody>
              {Object.entries(simulation.summary.wouldHaveBroken).map(([rule, count]) => (
                <tr key={rule}>
                  <th scope="row">{rule.replaceAll('_', ' ')}</th>
                  <td class="number">{count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </>
  );
}
