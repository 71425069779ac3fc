import { App, Fn, RemovalPolicy, Stack, Tags } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sqs from 'aws-cdk-lib/aws-sqs';

/** Resources one workload unit synthesizes (the driver reports the real count from the template). */
export const RESOURCES_PER_UNIT = 11;

/**
 * A CDK app shaped like a real workload, with plenty of cross-references: per unit an encrypted
 * TLS-only bucket, a table, an encrypted TLS-only queue, a role granted access to all three, a
 * security group, a log group, and a subnet with its network ACL association. It passes the DPP
 * checks, so every variant does the same work on success. Everything sits in
 * one stack (the resource limit lifted), the case where a pack that scans the stack per resource
 * goes quadratic.
 */
export function workloadApp(units: number, outdir: string): App {
  const app = new App({ outdir, context: { '@aws-cdk/core:stackResourceLimit': 0 } });
  const stack = new Stack(app, 'Workload', { env: { account: '111111111111', region: 'eu-west-1' } });
  Tags.of(stack).add('dpp:data-origin', 'internal');
  Tags.of(stack).add('dpp:classification', 'internal');
  const key = new kms.Key(stack, 'Key', { enableKeyRotation: true, removalPolicy: RemovalPolicy.DESTROY });
  const vpc = new ec2.CfnVPC(stack, 'Vpc', { cidrBlock: '10.0.0.0/16' });
  const acl = new ec2.CfnNetworkAcl(stack, 'Acl', { vpcId: vpc.ref });
  new ec2.CfnFlowLog(stack, 'FlowLog', { resourceId: vpc.ref, resourceType: 'VPC', trafficType: 'ALL', logDestinationType: 's3', logDestination: 'arn:aws:s3:::flow-logs-bucket' });
  for (let i = 0; i < units; i++) {
    const bucket = new s3.Bucket(stack, `Bucket${i}`, {
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: key,
      bucketKeyEnabled: true,
      enforceSSL: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    });
    const table = new dynamodb.Table(stack, `Table${i}`, {
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: key,
    });
    const queue = new sqs.Queue(stack, `Queue${i}`, { encryption: sqs.QueueEncryption.KMS, encryptionMasterKey: key, enforceSSL: true });
    const role = new iam.Role(stack, `Role${i}`, { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    bucket.grantRead(role);
    table.grantReadWriteData(role);
    queue.grantSendMessages(role);
    new ec2.CfnSecurityGroup(stack, `Sg${i}`, {
      vpcId: vpc.ref,
      groupDescription: `unit ${i}`,
      securityGroupIngress: [{ ipProtocol: 'tcp', fromPort: 443, toPort: 443, cidrIp: '10.0.0.0/16' }],
    });
    new logs.LogGroup(stack, `Logs${i}`, { retention: logs.RetentionDays.ONE_YEAR, encryptionKey: key });
    const subnet = new ec2.CfnSubnet(stack, `Subnet${i}`, {
      vpcId: vpc.ref,
      cidrBlock: `10.0.${Math.floor(i / 16)}.${(i % 16) * 16}/28`,
      availabilityZone: Fn.select(i % 3, Fn.getAzs()),
    });
    new ec2.CfnSubnetNetworkAclAssociation(stack, `SubnetAcl${i}`, { subnetId: subnet.ref, networkAclId: acl.ref });
  }
  return app;
}
