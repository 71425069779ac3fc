import { checkStacks } from '../../../lib/checks/engine';
import { dppRuleSet } from '../../../lib/checks/rules';
import { parseTemplate } from '../../../lib/loading';

/**
 * The rules added for issue 14, on one YAML template written with short-form tags: each violating
 * resource fails its rule, each compliant twin passes, and a `!Ref` to a parameter warns.
 */

const TEMPLATE = `
Parameters:
  Protocol: { Type: String }
Resources:
  PublicCluster:
    Type: AWS::EKS::Cluster
    Properties: { RoleArn: !GetAtt EksRole.Arn, ResourcesVpcConfig: { SubnetIds: [subnet-1] } }
  PrivateCluster:
    Type: AWS::EKS::Cluster
    Properties: { RoleArn: !GetAtt EksRole.Arn, ResourcesVpcConfig: { SubnetIds: [subnet-1], EndpointPublicAccess: false, EndpointPrivateAccess: true } }
  EksRole:
    Type: AWS::IAM::Role
    Properties: { AssumeRolePolicyDocument: { Statement: [{ Effect: Allow, Principal: { Service: eks.amazonaws.com }, Action: sts:AssumeRole }] } }
  OpenNotebook:
    Type: AWS::SageMaker::NotebookInstance
    Properties: { InstanceType: ml.t3.medium, RoleArn: !GetAtt EksRole.Arn }
  ClosedNotebook:
    Type: AWS::SageMaker::NotebookInstance
    Properties: { InstanceType: ml.t3.medium, RoleArn: !GetAtt EksRole.Arn, DirectInternetAccess: Disabled, SubnetId: subnet-1 }
  GitHubDeploy:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { Federated: !Sub "arn:\${AWS::Partition}:iam::\${AWS::AccountId}:oidc-provider/token.actions.githubusercontent.com" }
            Action: sts:AssumeRoleWithWebIdentity
            Condition: { StringEquals: { token.actions.githubusercontent.com:aud: sts.amazonaws.com } }
  Kafka:
    Type: AWS::MSK::Cluster
    Properties:
      ClusterName: events
      KafkaVersion: 3.6.0
      NumberOfBrokerNodes: 2
      BrokerNodeGroupInfo: { ClientSubnets: [subnet-1, subnet-2], InstanceType: kafka.m5.large }
      EncryptionInfo: { EncryptionInTransit: { ClientBroker: TLS_PLAINTEXT } }
  DocDbParameters:
    Type: AWS::DocDB::DBClusterParameterGroup
    Properties: { Description: docdb, Family: docdb5.0, Parameters: { tls: disabled } }
  NeptuneParameters:
    Type: AWS::Neptune::DBClusterParameterGroup
    Properties: { Description: neptune, Family: neptune1.3, Parameters: { neptune_enforce_ssl: 1 } }
  HttpHook:
    Type: AWS::SNS::Subscription
    Properties: { TopicArn: !Ref AWS::NoValue, Protocol: http, Endpoint: http://hooks.example.com }
  MaybeHttpHook:
    Type: AWS::SNS::Subscription
    Properties: { TopicArn: !Ref AWS::NoValue, Protocol: !Ref Protocol, Endpoint: https://hooks.example.com }
`;

const EXPECTED: ReadonlyArray<readonly [string, string, 'error' | 'warning']> = [
  ['PublicCluster', 'DPP-2.1-EksEndpointNotPublic', 'error'],
  ['OpenNotebook', 'DPP-2.1-SageMakerNoDirectInternet', 'error'],
  ['GitHubDeploy', 'DPP-2.3-OidcTrustRestricted', 'error'],
  ['Kafka', 'DPP-2.5-MskTlsOnly', 'error'],
  ['DocDbParameters', 'DPP-2.5-DocumentDbTls', 'error'],
  ['HttpHook', 'DPP-2.5-SnsHttpsSubscription', 'error'],
  ['MaybeHttpHook', 'DPP-2.5-SnsHttpsSubscription', 'warning'],
];

test('the new rules on a YAML template with short-form tags', () => {
  const { template } = parseTemplate(TEMPLATE, 'new-rules.yaml');
  const ids = new Set(EXPECTED.map(([, ruleId]) => ruleId));
  const findings = checkStacks(dppRuleSet(), [{ id: 'T', stackName: 'T', template }]).findings.filter((f) => ids.has(f.ruleId));
  expect(findings.map((f) => [f.logicalId, f.ruleId, f.level])).toEqual(expect.arrayContaining(EXPECTED.map((e) => [...e])));
  expect(findings).toHaveLength(EXPECTED.length);
});
