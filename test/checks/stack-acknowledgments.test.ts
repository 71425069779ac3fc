import { withoutRepeatedStackAcknowledgments } from '../../lib/checks/stack-acknowledgments';

describe('withoutRepeatedStackAcknowledgments (a StackSet body has a size limit)', () => {
  const trail = { id: 'DPP::DPP-3.6-TrailPresent', reason: 'no environment' };
  const scoped = { id: 'DPP::DPP-2.3-ScopedWriteActions', reason: 'IAM accepts only "*" here' };
  const template = {
    Metadata: { cdk_nag: { rules_to_suppress: [trail] } },
    Resources: {
      Handler: { Type: 'AWS::Lambda::Function', Metadata: { cdk_nag: { rules_to_suppress: [trail, scoped] }, 'aws:cdk:path': 'S/Handler' } },
      Topic: { Type: 'AWS::SNS::Topic', Metadata: { cdk_nag: { rules_to_suppress: [trail] } } },
      Bare: { Type: 'AWS::SNS::Topic' },
    },
  };
  const appRules = new Set(['DPP-3.6-TrailPresent']);

  test('drops the resources\' copies of app-rule acknowledgments the template carries, keeping every other entry and metadata', () => {
    expect(withoutRepeatedStackAcknowledgments(template, appRules)).toEqual({
      Metadata: { cdk_nag: { rules_to_suppress: [trail] } },
      Resources: {
        Handler: { Type: 'AWS::Lambda::Function', Metadata: { cdk_nag: { rules_to_suppress: [scoped] }, 'aws:cdk:path': 'S/Handler' } },
        Topic: { Type: 'AWS::SNS::Topic' },
        Bare: { Type: 'AWS::SNS::Topic' },
      },
    });
  });

  test('keeps a resource\'s acknowledgment of a resource rule, even when the stack carries the same ID, and changes nothing without template-level entries', () => {
    const stackScoped = { ...template, Metadata: { cdk_nag: { rules_to_suppress: [trail, scoped] } } };
    expect(withoutRepeatedStackAcknowledgments(stackScoped, appRules).Resources.Handler.Metadata).toEqual({ cdk_nag: { rules_to_suppress: [scoped] }, 'aws:cdk:path': 'S/Handler' });
    const none = { Resources: template.Resources };
    expect(withoutRepeatedStackAcknowledgments(none, appRules)).toBe(none);
  });
});
