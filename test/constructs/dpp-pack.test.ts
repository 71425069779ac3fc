import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { EncryptedDatabase } from '../../constructs/data/encrypted-database';
import { PiiBucket } from '../../constructs/data/pii-bucket';
import { PiiTable } from '../../constructs/data/pii-table';
import { dppFindings, network, newStack, type DppFinding } from './fixtures';

/**
 * Every network and data construct, in its default and its main alternative shapes, passes the
 * DPP rule pack: no finding at all, except the acknowledged ones, each for a stated reason.
 */
describe('the DPP rule pack on the network and data constructs', () => {
  let findings: ReturnType<typeof dppFindings>;
  beforeAll(() => {
    const { app, stack } = newStack();
    const base = network(stack);
    new EncryptedDatabase(stack, 'Aurora', base);
    new EncryptedDatabase(stack, 'Postgres', { ...base, engine: 'postgresql', disposable: true, highAvailability: false });
    new PiiBucket(stack, 'Bucket', { encryptionKey: base.keys.data, vpcEndpointIds: [base.network.s3Endpoint.vpcEndpointId] });
    new PiiBucket(stack, 'InvoiceBucket', { encryptionKey: base.keys.data, retentionDays: 400, legalBasis: 'Invoices kept 13 months under tax code art. 12', disposable: true });
    new PiiTable(stack, 'Table', { partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING }, encryptionKey: base.keys.data });
    findings = dppFindings(app);
  });

  const show = (list: readonly DppFinding[]) => list.map((f) => `${f.severity} ${f.rule} ${f.path}: ${f.description}`);

  test('no open error and no open warning', () => {
    expect(show(findings.open)).toEqual([]);
  });

  test('only the NAT return path and the legally required retention are acknowledged', () => {
    expect(findings.acknowledged.map((f) => `${f.rule} ${f.path}`).sort()).toEqual([
      'DPP-2.1-NetworkAclOpenIngress Test/Network/ApplicationAcl/In120/Resource',
      'DPP-3.1-PiiBucketExpiration Test/InvoiceBucket/Bucket/Resource',
    ]);
  });
});
