import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, type IGrantable, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { type IndexName, TABLE_DESIGN } from '../functions/store/table-design';

/** The DynamoDB actions any function may be granted. Scan is deliberately not in this list. */
export type TableAction =
  | 'GetItem'
  | 'PutItem'
  | 'UpdateItem'
  | 'DeleteItem'
  | 'Query'
  | 'BatchGetItem'
  | 'BatchWriteItem'
  | 'ConditionCheckItem';

export interface TableGrant {
  /** Actions on the base table. */
  readonly tableActions: readonly TableAction[];
  /** Query on these indexes only (the only action an index supports besides Scan). */
  readonly queryIndexes: readonly IndexName[];
}

/**
 * The single table, built from `TABLE_DESIGN` so the key names and indexes are written once
 * (functions/store/table-design.ts) and the deployed table cannot drift from the code.
 */
export class DataTable extends Construct {
  readonly table: Table;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.table = new Table(this, 'Table', {
      partitionKey: { name: TABLE_DESIGN.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE_DESIGN.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      // Members' answers and contacts: never deleted with the stack.
      removalPolicy: RemovalPolicy.RETAIN,
      // TTL only tidies up expired tokens in AWS; expiry is always checked in code.
      timeToLiveAttribute: TABLE_DESIGN.ttlAttribute,
      encryption: TableEncryption.AWS_MANAGED,
    });
    for (const [indexName, index] of Object.entries(TABLE_DESIGN.indexes)) {
      this.table.addGlobalSecondaryIndex({
        indexName,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
        projectionType: ProjectionType.ALL,
      });
    }
  }

  /**
   * Grants exactly the listed actions, with index ARNs spelled out (no `index/*` wildcard).
   * Hand-written instead of `table.grant()` so no function can ever get Scan or `dynamodb:*`.
   */
  grant(grantee: IGrantable, access: TableGrant): void {
    const policy = grantee.grantPrincipal;
    if (access.tableActions.length > 0) {
      policy.addToPrincipalPolicy(
        new PolicyStatement({
          effect: Effect.ALLOW,
          actions: access.tableActions.map((a) => `dynamodb:${a}`),
          resources: [this.table.tableArn],
        }),
      );
    }
    if (access.queryIndexes.length > 0) {
      policy.addToPrincipalPolicy(
        new PolicyStatement({
          effect: Effect.ALLOW,
          actions: ['dynamodb:Query'],
          resources: access.queryIndexes.map((name) => this.indexArn(name)),
        }),
      );
    }
  }

  private indexArn(name: IndexName): string {
    return `${this.table.tableArn}/index/${name}`;
  }
}
