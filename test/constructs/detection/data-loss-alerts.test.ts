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

  test('the stack passes the DPP pack', () => {
    expect(dppErrorsAndAcknowledgments(app).errors).toEqual([]);
  });
});
