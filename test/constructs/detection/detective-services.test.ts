import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import { DetectiveServices, GUARD_DUTY_FEATURES, INSPECTOR_SERVICE_LINKED_ROLES, MACIE_AUTOMATED_DISCOVERY_CALL } from '../../../constructs/detection/detective-services';
import { dppErrorsAndAcknowledgments, resourcesOfType, stackWithoutBundling } from '../no-bundling';

function detective(props: Partial<ConstructorParameters<typeof DetectiveServices>[2]> = {}) {
  const made = stackWithoutBundling();
  const alertTopic = new sns.Topic(made.stack, 'Alerts', { enforceSSL: true });
  const services = new DetectiveServices(made.stack, 'Detective', { alertTopic, ...props });
  return { ...made, services, template: Template.fromStack(made.stack) };
}

describe('DetectiveServices (defaults: everything on)', () => {
  let made: ReturnType<typeof detective>;
  beforeAll(() => {
    made = detective();
  });

  test('GuardDuty with S3 and malware protection; medium and higher findings to the topic', () => {
    made.template.hasResourceProperties('AWS::GuardDuty::Detector', {
      Enable: true,
      Features: GUARD_DUTY_FEATURES.map((Name) => ({ Name, Status: 'ENABLED' })),
    });
    expect(GUARD_DUTY_FEATURES).toEqual(expect.arrayContaining(['S3_DATA_EVENTS', 'EBS_MALWARE_PROTECTION']));
    made.template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: { source: ['aws.guardduty'], 'detail-type': ['GuardDuty Finding'], detail: { severity: [{ numeric: ['>=', 4] }] } },
      Targets: [Match.objectLike({ Arn: { Ref: Match.stringLikeRegexp('Alerts') } })],
    });
  });

  test('Security Hub with the Foundational and CIS standards; new high and critical findings to the topic', () => {
    made.template.hasResourceProperties('AWS::SecurityHub::Hub', { EnableDefaultStandards: false, ControlFindingGenerator: 'SECURITY_CONTROL' });
    const standards = resourcesOfType(made.template, 'AWS::SecurityHub::Standard');
    expect(standards.map(([, s]) => s.Properties.StandardsArn['Fn::Join'][1].slice(-1)[0]).sort()).toEqual([
      ':securityhub:eu-west-1::standards/aws-foundational-security-best-practices/v/1.0.0',
      ':securityhub:eu-west-1::standards/cis-aws-foundations-benchmark/v/3.0.0',
    ]);
    for (const [, standard] of standards) expect(standard.DependsOn).toEqual([expect.stringMatching(/DetectiveSecurityHub/)]);
    made.template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: Match.objectLike({ source: ['aws.securityhub'], detail: { findings: Match.objectLike({ Severity: { Label: ['HIGH', 'CRITICAL'] } }) } }),
      Targets: [Match.objectLike({ Arn: { Ref: Match.stringLikeRegexp('Alerts') } })],
    });
    made.template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Principal: { Service: 'events.amazonaws.com' }, Action: 'sns:Publish' })]) },
    });
  });

  test('AWS Config records everything to an encrypted, TLS-only, private bucket, with managed rules after the recorder', () => {
    made.template.hasResourceProperties('AWS::Config::ConfigurationRecorder', { RecordingGroup: { AllSupported: true, IncludeGlobalResourceTypes: true } });
    made.template.hasResourceProperties('AWS::Config::DeliveryChannel', { S3BucketName: { Ref: Match.stringLikeRegexp('DetectiveConfigBucket') } });
    made.template.hasResourceProperties('AWS::S3::Bucket', {
      BucketEncryption: Match.anyValue(),
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
    });
    const rules = resourcesOfType(made.template, 'AWS::Config::ConfigRule');
    expect(rules.length).toBeGreaterThanOrEqual(10);
    for (const [, rule] of rules) {
      expect(rule.Properties.Description).toMatch(/^DPP \d\.\d: /);
      expect(rule.DependsOn).toEqual(expect.arrayContaining([expect.stringMatching(/DetectiveConfigRecorder/)]));
    }
    made.template.hasResourceProperties('AWS::Config::ConfigRule', {
      Source: { Owner: 'AWS', SourceIdentifier: 'IAM_PASSWORD_POLICY' },
      InputParameters: Match.objectLike({ MinimumPasswordLength: '12', MaxPasswordAge: '365', RequireSymbols: 'true' }),
    });
    made.template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { Service: 'config.amazonaws.com' } })] },
      ManagedPolicyArns: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/service-role/AWS_ConfigRole']] }],
    });
  });

  test('Macie is enabled', () => {
    made.template.hasResourceProperties('AWS::Macie::Session', { Status: 'ENABLED' });
  });

  test('Macie automated sensitive-data discovery is turned on by a custom resource after the session, and left on when it is deleted (DPP 3.3)', () => {
    const [[, discovery]] = resourcesOfType(made.template, 'Custom::MacieAutomatedDiscovery');
    const call = JSON.parse(discovery.Properties.Create as string);
    expect(call).toMatchObject({ service: 'Macie2', action: 'updateAutomatedDiscoveryConfiguration', parameters: { status: 'ENABLED' } });
    expect(JSON.parse(discovery.Properties.Update as string)).toEqual(call);
    // No Delete call: deleting the stack deletes the session, which disables Macie and its discovery.
    expect(discovery.Properties.Delete).toBeUndefined();
    const [[sessionId]] = resourcesOfType(made.template, 'AWS::Macie::Session');
    expect(discovery.DependsOn).toEqual(expect.arrayContaining([sessionId]));
  });

  test('the discovery call is allowed by exactly its IAM action, which has no resource types (Resource "*")', () => {
    // The action CDK's SDK metadata derives for the call: <iamPrefix>:<Action>.
    const metadataFile = join(dirname(require.resolve('aws-cdk-lib')), 'custom-resources/lib/helpers-internal/sdk-v3-metadata.json');
    const metadata = JSON.parse(readFileSync(metadataFile, 'utf8')) as Record<string, { iamPrefix?: string }>;
    const service = MACIE_AUTOMATED_DISCOVERY_CALL.service.toLowerCase();
    const action = `${metadata[service].iamPrefix ?? service}:${MACIE_AUTOMATED_DISCOVERY_CALL.action[0].toUpperCase()}${MACIE_AUTOMATED_DISCOVERY_CALL.action.slice(1)}`;
    expect(action).toBe('macie2:UpdateAutomatedDiscoveryConfiguration');
    const policies = made.template.findResources('AWS::IAM::Policy', { Properties: { PolicyName: Match.stringLikeRegexp('MacieAutomatedDiscovery') } });
    const statements = Object.values(policies).flatMap((policy) => policy.Properties.PolicyDocument.Statement);
    expect(statements).toEqual([{ Action: action, Effect: 'Allow', Resource: '*' }]);
  });

  test('EBS encryption by default is enabled through a custom resource calling ec2:EnableEbsEncryptionByDefault, under a scoped role', () => {
    made.template.hasResourceProperties('Custom::EbsEncryptionByDefault', {
      Create: Match.stringLikeRegexp('"service":"EC2","action":"enableEbsEncryptionByDefault"'),
    });
    made.template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: 'ec2:EnableEbsEncryptionByDefault', Resource: '*' })]) },
    });
    // CDK's one AwsCustomResource function per stack, under the construct's scoped role.
    expect(Object.keys(made.template.findResources('AWS::Lambda::Function', { Properties: { Role: { 'Fn::GetAtt': [Match.stringLikeRegexp('AwsCallsRole'), 'Arn'] } } }))).toHaveLength(1);
  });

  test('Macie automated discovery is off with its switch, and with Macie off or left to the organization', () => {
    for (const props of [{ macieAutomatedDiscovery: false }, { macie: false }, { macie: 'existing' as const }]) {
      detective(props).template.resourceCountIs('Custom::MacieAutomatedDiscovery', 0);
    }
    // Without EBS encryption by default, the discovery call alone sets up CDK's function, still DPP-clean.
    const withoutEbs = detective({ ebsEncryptionByDefault: false });
    withoutEbs.template.resourceCountIs('Custom::MacieAutomatedDiscovery', 1);
    expect(dppErrorsAndAcknowledgments(withoutEbs.app).errors).toEqual([]);
  });

  test('EBS encryption by default can be turned off, and works without Inspector', () => {
    detective({ ebsEncryptionByDefault: false }).template.resourceCountIs('Custom::EbsEncryptionByDefault', 0);
    const { template } = detective({ inspector: false });
    template.resourceCountIs('Custom::EbsEncryptionByDefault', 1);
    template.resourceCountIs('Custom::InspectorEnablement', 0);
  });

  test('Inspector is enabled by a custom resource of its own handler (which fails on failedAccounts), with retained log groups', () => {
    made.template.hasResourceProperties('Custom::InspectorEnablement', {
      ServiceToken: { 'Fn::GetAtt': [Match.stringLikeRegexp('DetectiveInspectorProviderframeworkonEvent'), 'Arn'] },
      AccountId: '111111111111',
      ResourceTypes: ['EC2', 'ECR', 'LAMBDA'],
    });
    made.template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: 'inspector2:Enable', Resource: '*' })]) },
    });
    const functions = resourcesOfType(made.template, 'AWS::Lambda::Function');
    for (const [, fn] of functions) expect(fn.Properties.LoggingConfig?.LogGroup).toBeDefined();
    made.template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 365 });
  });

  test('the DPP pack finds no error', () => {
    expect(dppErrorsAndAcknowledgments(made.app).errors).toEqual([]);
  });
});

describe('DetectiveServices switches', () => {
  test('every service can be turned off by its own switch', () => {
    const { template, services } = detective({ guardDuty: false, securityHub: false, config: false, macie: false, inspector: false });
    for (const type of ['AWS::GuardDuty::Detector', 'AWS::SecurityHub::Hub', 'AWS::SecurityHub::Standard', 'AWS::Config::ConfigurationRecorder', 'AWS::Config::DeliveryChannel',
      'AWS::Config::ConfigRule', 'AWS::Macie::Session', 'Custom::InspectorEnablement', 'AWS::Events::Rule']) {
      template.resourceCountIs(type, 0);
    }
    expect(services.configRecorder).toBeUndefined();
  });

  test('"existing" creates nothing that conflicts with the organization\'s services, and keeps the DPP rules and finding routes', () => {
    const { template, services } = detective({ guardDuty: 'existing', securityHub: 'existing', config: 'existing', macie: 'existing', inspector: 'existing' });
    // A second detector, hub, recorder, delivery channel or Macie session fails the deploy ("already exists").
    for (const type of ['AWS::GuardDuty::Detector', 'AWS::SecurityHub::Hub', 'AWS::SecurityHub::Standard', 'AWS::Config::ConfigurationRecorder',
      'AWS::Config::DeliveryChannel', 'AWS::Macie::Session', 'Custom::InspectorEnablement']) {
      template.resourceCountIs(type, 0);
    }
    expect(services.configRecorder).toBeUndefined();
    // The DPP Config rules run on the organization's recorder, with nothing to depend on here.
    const rules = resourcesOfType(template, 'AWS::Config::ConfigRule');
    expect(rules).toHaveLength(12);
    for (const [, rule] of rules) expect(rule.DependsOn).toBeUndefined();
    // GuardDuty and Security Hub findings still reach the topic.
    const sources = resourcesOfType(template, 'AWS::Events::Rule').map(([, r]) => r.Properties.EventPattern.source[0]);
    expect(sources.sort()).toEqual(['aws.guardduty', 'aws.securityhub']);
  });

  test('one service off leaves the others on', () => {
    const { template } = detective({ guardDuty: false });
    template.resourceCountIs('AWS::GuardDuty::Detector', 0);
    template.resourceCountIs('AWS::SecurityHub::Hub', 1);
    template.resourceCountIs('AWS::Config::ConfigurationRecorder', 1);
    template.resourceCountIs('AWS::Events::Rule', 1);
  });

  test('the GuardDuty threshold', () => {
    detective({ minimumGuardDutySeverity: 7 }).template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: Match.objectLike({ detail: { severity: [{ numeric: ['>=', 7] }] } }),
    });
    expect(() => detective({ minimumGuardDutySeverity: 9 })).toThrow('DetectiveServices: minimumGuardDutySeverity must be an integer from 1 to 8, got 9');
    expect(() => detective({ logRetention: 30 })).toThrow('DetectiveServices: logRetention must be at least 90 days (DPP 3.6 Logging and Monitoring, profile dpp), got 30');
  });
});

describe('DetectiveServices logs (DPP 3.6, 3.4)', () => {
  test('the Config bucket is access-logged to a dedicated bucket by default, or to the given one', () => {
    const own = detective();
    own.template.hasResourceProperties('AWS::S3::Bucket', {
      LoggingConfiguration: { DestinationBucketName: { Ref: Match.stringLikeRegexp('DetectiveConfigAccessLogsBucket') }, LogFilePrefix: 'config/' },
    });
    const given = stackWithoutBundling();
    const accessLogsBucket = new s3.Bucket(given.stack, 'SharedAccessLogs', { enforceSSL: true });
    new DetectiveServices(given.stack, 'Detective', { alertTopic: new sns.Topic(given.stack, 'Alerts', { enforceSSL: true }), accessLogsBucket });
    const template = Template.fromStack(given.stack);
    template.hasResourceProperties('AWS::S3::Bucket', { LoggingConfiguration: { DestinationBucketName: { Ref: Match.stringLikeRegexp('SharedAccessLogs') }, LogFilePrefix: 'config/' } });
    expect(resourcesOfType(template, 'AWS::S3::Bucket')).toHaveLength(2);
  });

  test('the Inspector function logs under the given key and may write only to its own log group', () => {
    const made = stackWithoutBundling();
    const logEncryptionKey = new kms.Key(made.stack, 'LogsKey', { enableKeyRotation: true });
    new DetectiveServices(made.stack, 'Detective', { alertTopic: new sns.Topic(made.stack, 'Alerts', { enforceSSL: true }), logEncryptionKey });
    const template = Template.fromStack(made.stack);
    template.hasResourceProperties('AWS::Logs::LogGroup', { KmsKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('LogsKey'), 'Arn'] } });
    for (const [, role] of resourcesOfType(template, 'AWS::IAM::Role')) {
      expect(JSON.stringify(role.Properties.ManagedPolicyArns ?? [])).not.toContain('AWSLambdaBasicExecutionRole');
    }
    // It may create Inspector's service-linked roles only (its own and the agentless scanning one), by exact name and service.
    const statements = resourcesOfType(template, 'AWS::IAM::Policy').flatMap(([, p]) => p.Properties.PolicyDocument.Statement as Array<{ Action: unknown; Resource: unknown; Condition: any }>);
    const createRole = statements.filter((st) => st.Action === 'iam:CreateServiceLinkedRole');
    expect(createRole).toHaveLength(1);
    const resources = JSON.stringify(createRole[0].Resource);
    for (const { service, roleName } of INSPECTOR_SERVICE_LINKED_ROLES) expect(resources).toContain(`:role/aws-service-role/${service}/${roleName}"`);
    expect(createRole[0].Condition).toEqual({ StringEquals: { 'iam:AWSServiceName': ['inspector2.amazonaws.com', 'agentless.inspector2.amazonaws.com'] } });
  });
});
