/**
 * The Lambda behind one API route: a `RecoupFunction` that knows the table (`TABLE_NAME`) and may
 * touch its items as far as the route needs — and nothing else.
 */
import type { Duration } from 'aws-cdk-lib';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Construct } from 'constructs';
import type { StageConfig } from '../stage';
import type { DataAccess, DataTable } from './data-table';
import type { Observability } from './observability';
import { RecoupFunction } from './recoup-function';

export interface ApiFunctionProps {
  /** Entry module relative to the project root; it exports `handler`. */
  entry: string;
  description?: string;
  stage: StageConfig;
  observability: Observability;
  data: DataTable;
  /** Item access on the table; defaults to read and write. `none`: no table name, no grant. */
  dataAccess?: DataAccess | 'none';
  environment?: Record<string, string>;
  memorySize?: number;
  timeout?: Duration;
}

export class ApiFunction extends Construct {
  readonly function: NodejsFunction;
  readonly base: RecoupFunction;

  constructor(scope: Construct, id: string, props: ApiFunctionProps) {
    super(scope, id);
    const access = props.dataAccess ?? 'readWrite';
    this.base = new RecoupFunction(this, 'Lambda', {
      entry: props.entry,
      label: id,
      description: props.description,
      stage: props.stage,
      observability: props.observability,
      memorySize: props.memorySize,
      timeout: props.timeout,
      environment:
        access === 'none'
          ? props.environment
          : { TABLE_NAME: props.data.table.tableName, ...props.environment },
    });
    this.function = this.base.function;
    if (access !== 'none') props.data.grantItemAccess(this.function, access);
  }
}
