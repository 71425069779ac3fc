import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { invalidProp, policyFor, requireIntegerInRange } from '../common/validate';
import { attributionOf, tagStore } from './attribution';
import { recordCreationTrace } from '../common/creation-trace';

/** Props of {@link PiiTable}. */
export interface PiiTableProps {
  /** The partition key. */
  readonly partitionKey: dynamodb.Attribute;
  /**
   * The sort key.
   * @default - none
   */
  readonly sortKey?: dynamodb.Attribute;
  /** The customer-managed key that encrypts the table (DPP 3.4); `EncryptionKeys.data`. */
  readonly encryptionKey: kms.IKey;
  /**
   * The attribute holding each item's expiry (epoch seconds): DynamoDB deletes items after it
   * (DPP 3.1 Data Retention). Writers must set it, e.g. order delivery + 30 days.
   * @default 'expiresAt'
   */
  readonly timeToLiveAttribute?: string;
  /**
   * Days of point-in-time recovery, 1 to 30: deleted items stay recoverable that long, no longer
   * (DPP 3.7 restore availability; DPP 2.8 deletion).
   * @default 7
   */
  readonly pointInTimeRecoveryDays?: number;
  /**
   * The `dpp:data-origin` tag (DPP 2.9).
   * @default 'ecartapi'
   */
  readonly dataOrigin?: string;
  /**
   * Whether the table can go with its stack (test environments): no deletion protection, removal DESTROY.
   * @default false - deletion protection on, the table is retained
   */
  readonly disposable?: boolean;
}

const NAME = 'PiiTable';

/**
 * A DynamoDB table for PII: encrypted with a customer-managed key (DPP 3.4), items expire through
 * TTL (DPP 3.1), point-in-time recovery bounded to 30 days (DPP 3.7, 2.8), deletion protection
 * unless `disposable` (DPP 3.7), on-demand capacity, and tagged `dpp:classification=pii` and
 * `dpp:data-origin` (DPP 2.9).
 */
export class PiiTable extends Construct {
  public readonly table: dynamodb.Table;
  public readonly timeToLiveAttribute: string;

  constructor(scope: Construct, id: string, props: PiiTableProps) {
    super(scope, id);
    recordCreationTrace(this, new.target);
    this.timeToLiveAttribute = props.timeToLiveAttribute ?? 'expiresAt';
    if (!/^[a-zA-Z0-9_.-]{1,255}$/.test(this.timeToLiveAttribute)) invalidProp(NAME, 'timeToLiveAttribute', `must be an attribute name (letters, digits, '_', '-', '.'), got ${JSON.stringify(this.timeToLiveAttribute)}`);
    if ([props.partitionKey.name, props.sortKey?.name].includes(this.timeToLiveAttribute)) invalidProp(NAME, 'timeToLiveAttribute', `must not be a key attribute (${this.timeToLiveAttribute})`);
    const recoveryDays = requireIntegerInRange(NAME, 'pointInTimeRecoveryDays', props.pointInTimeRecoveryDays ?? 7, 1, policyFor(this, undefined).values.deletionRequestDays, 'DPP 2.8');
    const attribution = attributionOf(NAME, props.dataOrigin, 'pii', { origin: 'ecartapi', classification: 'pii' });
    const disposable = props.disposable ?? false;

    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: props.partitionKey,
      sortKey: props.sortKey,
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: props.encryptionKey,
      timeToLiveAttribute: this.timeToLiveAttribute,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true, recoveryPeriodInDays: recoveryDays },
      deletionProtection: !disposable,
      removalPolicy: disposable ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
    });
    tagStore(this.table, attribution);
  }
}
