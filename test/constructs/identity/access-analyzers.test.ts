import { Template } from 'aws-cdk-lib/assertions';
import * as sns from 'aws-cdk-lib/aws-sns';
import { ACCESS_ANALYZER_FACTS, AccessAnalyzers } from '../../../constructs/identity/access-analyzers';
import { dppErrorsAndAcknowledgments, resourcesOfType, stackWithoutBundling } from '../no-bundling';

describe('AccessAnalyzers', () => {
  const { app, stack } = stackWithoutBundling();
  const topic = new sns.Topic(stack, 'Topic', { enforceSSL: true });
  new AccessAnalyzers(stack, 'Analyzers', { alertTopic: topic });
  const template = Template.fromStack(stack);

  test('an external-access analyzer and an unused-access analyzer reporting 90 days without use', () => {
    expect(resourcesOfType(template, 'AWS::AccessAnalyzer::Analyzer').map(([, a]) => a.Properties)).toEqual([
      { Type: 'ACCOUNT', AnalyzerName: 'dpp-external-access' },
      { Type: 'ACCOUNT_UNUSED_ACCESS', AnalyzerName: 'dpp-unused-access', AnalyzerConfiguration: { UnusedAccessConfiguration: { UnusedAccessAge: 90 } } },
    ]);
  });

  test('both kinds of findings go to the security topic', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: { source: ['aws.access-analyzer'], 'detail-type': ['Access Analyzer Finding', 'Unused Access Finding for IAM entities'] },
      Targets: [{ Arn: { Ref: stack.resolve((topic.node.defaultChild as sns.CfnTopic).logicalId) } }],
    });
    expect(ACCESS_ANALYZER_FACTS.unusedAccessAgeDays).toEqual({ min: 1, max: 365 });
  });

  test('the stack passes the DPP pack', () => {
    expect(dppErrorsAndAcknowledgments(app).errors).toEqual([]);
  });

  test('unusedAccess: false leaves only the free external-access analyzer; ages above 90 days are refused', () => {
    const other = stackWithoutBundling().stack;
    const alertTopic = new sns.Topic(other, 'T');
    new AccessAnalyzers(other, 'A', { alertTopic, unusedAccess: false });
    expect(resourcesOfType(Template.fromStack(other), 'AWS::AccessAnalyzer::Analyzer')).toHaveLength(1);
    expect(() => new AccessAnalyzers(other, 'B', { alertTopic, unusedAccessAgeDays: 180 })).toThrow('AccessAnalyzers: unusedAccessAgeDays must be an integer from 1 to 90 (DPP 2.2 Access Management: accounts unused for more than 90 days are stale), got 180');
  });
});
