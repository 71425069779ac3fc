import { Template } from 'aws-cdk-lib/assertions';
import * as sns from 'aws-cdk-lib/aws-sns';
import { DataLossAlerts, MACIE_FINDING_EVENT } from '../../../constructs/detection/data-loss-alerts';
import { dppErrorsAndAcknowledgments, stackWithoutBundling } from '../no-bundling';

describe('DataLossAlerts', () => {
  const { app, stack } = stackWithoutBundling();
  const topic = new sns.Topic(stack, 'Topic', { enforceSSL: true });
  new DataLossAlerts(stack, 'Alerts', { alertTopic: topic });

  test('every Macie finding goes to the security topic', () => {
    expect(MACIE_FINDING_EVENT).toEqual({ source: 'aws.macie', detailType: 'Macie Finding' });
    Template.fromStack(stack).hasResourceProperties('AWS::Events::Rule', {
      EventPattern: { source: ['aws.macie'], 'detail-type': ['Macie Finding'] },
      Targets: [{ Arn: { Ref: stack.resolve((topic.node.defaultChild as sns.CfnTopic).logicalId) } }],
    });
  });

  test('findings of automated sensitive-data discovery reach the topic whatever the bucket: the pattern filters no detail (DPP 3.3)', () => {
    // A bucket's classification tag is a list of key/value objects in the finding; EventBridge cannot
    // express "no element with this key and value", so PII found in any bucket is routed, and the
    // reader sees the bucket's tags in the finding.
    const rules = Template.fromStack(stack).findResources('AWS::Events::Rule');
    for (const rule of Object.values(rules)) expect(Object.keys(rule.Properties.EventPattern).sort()).toEqual(['detail-type', 'source']);
  });

  test('the stack passes the DPP pack', () => {
    expect(dppErrorsAndAcknowledgments(app).errors).toEqual([]);
  });
});
