/**
 * The one DynamoDB table, built from the same `tableDesign` the local runtime uses, encrypted with
 * its own customer-managed KMS key, and the least-privilege grants functions get on it.
 */
import { Stack } from 'aws-cdk-lib';
import {
  AttributeType,
  BillingMode,
  ProjectionType,
  StreamViewType,
  Table,
  TableEncryption,
} from 'aws-cdk-lib/aws-dynamodb';
import { type IGrantable, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { tableDesign } from '../../shared/adapters/dynamodb/table-design';
import type { StageConfig } from '../stage';

export type DataAccess = 'read' | 'readWrite';

/**
 * Item-level actions only: no Scan, no table management. TransactWriteItems is authorized per item
 * against PutItem/UpdateItem/DeleteItem/ConditionCheckItem, TransactGetItems against GetItem.
 */
const READ_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:ConditionCheckItem',
];
const WRITE_ACTIONS = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'];

export interface DataTableProps {
  stage: StageConfig;
}

export class DataTable extends Construct {
  readonly table: Table;
  readonly key: Key;

  constructor(scope: Construct, id: string, props: DataTableProps) {
    super(scope, id);
    const { stage } = props;

    this.key = new Key(this, 'Key', {
      description: `Recoup ${stage.stage}: DynamoDB table encryption`,
      enableKeyRotation: true,
      removalPolicy: stage.removalPolicy,
    });

    this.table = new Table(this, 'Table', {
      partitionKey: { name: tableDesign.partitionKey, type: AttributeType.STRING },
      sortKey: { name: tableDesign.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      timeToLiveAttribute: tableDesign.timeToLiveAttribute,
      encryption: TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: this.key,
      pointInTimeRecoverySpecification: {
        pointInTimeRecoveryEnabled: true,
        recoveryPeriodInDays: stage.pointInTimeRecoveryDays,
      },
      deletionProtection: stage.deletionProtection,
      removalPolicy: stage.removalPolicy,
      // For the outbox/projection consumers that follow.
      stream: StreamViewType.NEW_AND_OLD_IMAGES,
    });

    for (const index of tableDesign.globalSecondaryIndexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
        projectionType: ProjectionType.ALL,
      });
    }
  }

  /** ARNs of the table and each of its indexes, named one by one (no `index/*` wildcard). */
  get resourceArns(): string[] {
    return [
      this.table.tableArn,
      ...tableDesign.globalSecondaryIndexes.map((index) => `${this.table.tableArn}/index/${index.indexName}`),
    ];
  }

  /** Item access to the table and its indexes, plus use of the table key through DynamoDB only. */
  grantItemAccess(grantee: IGrantable, access: DataAccess): void {
    const actions = access === 'read' ? READ_ACTIONS : [...READ_ACTIONS, ...WRITE_ACTIONS];
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({ actions, resources: this.resourceArns }),
    );
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({
        actions:
          access === 'read'
            ? ['kms:Decrypt', 'kms:DescribeKey']
            : ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey'],
        resources: [this.key.keyArn],
        conditions: { StringEquals: { 'kms:ViaService': `dynamodb.${Stack.of(this).region}.amazonaws.com` } },
      }),
    );
  }
}
