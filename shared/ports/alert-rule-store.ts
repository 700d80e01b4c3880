import type { AlertRule, AlertState } from '../domain/alerts/alert-rule';
import type { WriteContext } from './write-context';

export interface AlertRuleStore {
  /** The tenant's rules and what each currently says about its subjects. */
  load(tenantId: string): Promise<{ rules: AlertRule[]; states: AlertState[] }>;
  create(rule: AlertRule, context: WriteContext): Promise<void>;
  remove(rule: AlertRule, context: WriteContext): Promise<void>;
  saveStates(tenantId: string, states: readonly AlertState[]): Promise<void>;
}
