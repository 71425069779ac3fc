import { Match, Template } from 'aws-cdk-lib/assertions';
import * as sns from 'aws-cdk-lib/aws-sns';
import { DataLossAlerts, MACIE_FINDING_EVENT } from '../../../constructs/detection/data-loss-alerts';
import { EncryptionKeys } from '../../../constructs/security/keys';
import { dppErrorsAndAcknowledgments, stackWithoutBundling } from '../no-bundling';

describe('DataLossAlerts', () => {
  const { app, stack } = stackWithoutBundling();
  const topic = new sns.Topic(stack, 'Topic', { enforceSSL: true });
  const keys = new EncryptionKeys(stack, 'Keys');
  new DataLossAlerts(stack, 'Alerts', { alertTopic: topic, inspectedKeys: [keys.data] });

  test('every Macie finding goes to the security topic', () => {
    expect(MACIE_FINDING_EVENT).toEqual({ source: 'aws.macie', detailType: 'Macie Finding' });
    Template.fromStack(stack).hasResourceProperties('AWS::Events::Rule', {
      EventPattern: { source: ['aws.macie'], 'detail-type': ['Macie Finding'] },
      Targets: [{ Arn: { Ref: stack.resolve((topic.node.defaultChild as sns.CfnTopic).logicalId) } }],
    });
  });

  test('Macie\'s service-linked role may decrypt objects under the data key (and nothing else)', () => {
    Template.fromStack(stack).hasResourceProperties('AWS::KMS::Key', { KeyPolicy: { Statement: Match.arrayWith([Match.objectLike({
      Sid: 'MacieInspectsObjects', Action: 'kms:Decrypt',
      Principal: { AWS: Match.objectLike({ 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp('role/aws-service-role/macie.amazonaws.com/AWSServiceRoleForAmazonMacie$')])] }) },
    })]) } });
  });

  test('the stack passes the DPP pack', () => {
    expect(dppErrorsAndAcknowledgments(app).errors).toEqual([]);
  });
});
