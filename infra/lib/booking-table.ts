// Infra: the one DynamoDB table (bookings, slot locks, idempotency records, outcome logs), built from the
// shared table definition so the stack and the local runtime cannot drift apart.

import { RemovalPolicy } from "aws-cdk-lib";
import * as dynamodb from "aws-cdk-lib/aws-dynamodb";
import { Construct } from "constructs";
import { tableDefinition, type KeyAttribute } from "../../functions/adapters/dynamodb/table-definition";

export class BookingTable extends Construct {
  readonly table: dynamodb.Table;
  readonly indexNames: readonly string[] = tableDefinition.globalSecondaryIndexes.map((index) => index.indexName);

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.table = new dynamodb.Table(this, "Table", {
      partitionKey: keyAttribute(tableDefinition.partitionKey),
      sortKey: keyAttribute(tableDefinition.sortKey),
      timeToLiveAttribute: tableDefinition.timeToLiveAttribute,
      // The change stream the insights aggregator reads (an event source mapping).
      stream: dynamodb.StreamViewType[tableDefinition.streamViewType],
      // Demo bookings arrive in bursts around campaigns: pay per request, nothing to size.
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      // The AWS managed key: encrypted at rest under a key in this account, no key policy to keep.
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      // Bookings and outcome logs are business records: neither a stack update nor `cdk destroy` drops them.
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const index of tableDefinition.globalSecondaryIndexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: keyAttribute(index.partitionKey),
        sortKey: keyAttribute(index.sortKey),
        projectionType: dynamodb.ProjectionType.ALL,
      });
    }
  }
}

function keyAttribute(key: KeyAttribute): dynamodb.Attribute {
  return { name: key.name, type: dynamodb.AttributeType.STRING };
}
