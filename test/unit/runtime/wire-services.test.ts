import type { Services } from '../../../shared/runtime/services';
import { useServices } from '../../../shared/runtime/injected-services';
import { wireServices, type WiringContext } from '../../../shared/runtime/wire-services';

describe('wireServices', () => {
  const environment = { ...process.env };
  afterEach(() => {
    process.env = { ...environment };
  });

  it('builds the named services once, from the environment, with the clock and ids', () => {
    process.env.TABLE_NAME = 'recoup-test';
    process.env.DYNAMODB_ENDPOINT = 'http://127.0.0.1:1';
    const contexts: WiringContext[] = [];
    const debtors = jest.fn((context: WiringContext) => {
      contexts.push(context);
      return {} as Services['debtors'];
    });
    const services = wireServices({ debtors });
    const first = services();
    expect(services()).toBe(first);
    expect(debtors).toHaveBeenCalledTimes(1);
    expect(contexts[0]!.table).toBe('recoup-test');
    expect(first.clock.now()).toBeInstanceOf(Date);
    expect(first.ids.next('dbt')).toMatch(/^dbt_/);
    expect(Object.keys(first).sort()).toEqual(['clock', 'debtors', 'ids']);
  });

  it('fails on first use, not on import, without a table', () => {
    delete process.env.TABLE_NAME;
    const services = wireServices({});
    expect(() => services()).toThrow('TABLE_NAME is not set');
  });

  it('is held by the compiler to what a use case needs (npm run typecheck)', () => {
    const services = wireServices({ debtors: () => ({}) as Services['debtors'] });
    const getDebtor = (_services: Pick<Services, 'clock' | 'debtors' | 'ledger'>) => undefined;
    // @ts-expect-error: the wiring names no ledger
    const call = () => getDebtor(services());
    expect(call).toBeInstanceOf(Function);
  });

  // Last: the injected graph stays for the rest of the file.
  it('answers with the injected graph where the local runtime or a test brought one', () => {
    const injected = { clock: { now: () => new Date(0) } } as Services;
    const debtors = jest.fn();
    const services = wireServices({ debtors });
    useServices(injected);
    expect(services()).toBe(injected);
    expect(debtors).not.toHaveBeenCalled();
  });
});
