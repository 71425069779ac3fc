import type { CfnParameter, CfnResource, StackTemplate } from '../../lib/checks/template';

/**
 * One or more minimal templates per rule ID on which that rule fails. The robustness tests make
 * each value of a seed unknown in turn (a parameter, a condition, an attribute of a custom
 * resource) and assert the rule still reports something: an unknown value may turn an error into
 * a warning, never into silence. Prefer explicit wrong values to absent ones: only a value that is
 * present can be made unknown.
 *
 * Every rule of `ALL_RULES` needs an entry here (the coverage test lists the missing ones). The
 * seeds are checked as one stack of the account {@link SEED_ACCOUNT} in {@link SEED_REGION}.
 */
export interface FailingSeed {
  /** The logical ID the rule must report on (resource rules), or a resource of the stack it reports on (app rules). */
  readonly target: string;
  readonly resources: Readonly<Record<string, CfnResource>>;
  /** Parameters of the seed's template, besides those the unknown values use. */
  readonly parameters?: Readonly<Record<string, CfnParameter>>;
  /** More stacks checked with the seed's (app rules compare stacks). */
  readonly otherStacks?: readonly StackTemplate[];
  /**
   * Set (with the reason) when the rule fails on a value written into the template, so a value
   * made at deploy by a resource (a custom resource's attribute) legitimately passes: those
   * replacements are not tried. Conditions, parameters and imports still are.
   */
  readonly deployTimeValuePasses?: string;
}

export const SEED_ACCOUNT = '111111111111';
export const SEED_REGION = 'eu-west-1';
/** An account that is not the seed stack's own. */
const OTHER_ACCOUNT = '999999999999';

/** A tag list in CloudFormation's list form. */
function tags(pairs: Record<string, string>): Array<{ Key: string; Value: string }> {
  return Object.entries(pairs).map(([Key, Value]) => ({ Key, Value }));
}

const PII = tags({ 'dpp:classification': 'pii', 'dpp:data-origin': 'ecartapi' });
const CONFIDENTIAL = tags({ 'dpp:classification': 'confidential', 'dpp:data-origin': 'internal' });

function bucketEncryption(algorithm: string, key?: string): Record<string, unknown> {
  return {
    ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: algorithm, ...(key ? { KMSMasterKeyID: key } : {}) } }],
  };
}

const DATA_SUBNET: CfnResource = {
  Type: 'AWS::EC2::Subnet',
  Properties: { VpcId: 'vpc-0123456789abcdef0', CidrBlock: '10.0.3.0/24', MapPublicIpOnLaunch: false, Tags: tags({ 'dpp:network-tier': 'data' }) },
};

const VPC = 'vpc-0123456789abcdef0';
const TOPIC_ARN = 'arn:aws:sns:eu-west-1:111111111111:alerts';
const CERTIFICATE_ARN = 'arn:aws:acm:eu-west-1:111111111111:certificate/0f1e2d3c';
const LITERAL_SECRET = 'a written secret: a deploy-time value (a custom resource attribute) is not written in the template, so it rightly passes';

function policy(...statements: Array<Record<string, unknown>>): Record<string, unknown> {
  return { Version: '2012-10-17', Statement: statements };
}

/** A stack of another environment, for the app rules that compare stacks. */
function otherStack(id: string, environment: string, extra: Partial<StackTemplate['template']> = {}): StackTemplate {
  return {
    id,
    stackName: id,
    account: SEED_ACCOUNT,
    region: SEED_REGION,
    template: { Resources: { Queue: { Type: 'AWS::SQS::Queue', Properties: { Tags: tags({ 'dpp:environment': environment }) } } }, ...extra },
  };
}

const one = (type: string, properties: Record<string, unknown>): Readonly<Record<string, CfnResource>> => ({ Target: { Type: type, Properties: properties } });

export const FAILING_SEEDS: Readonly<Record<string, readonly FailingSeed[]>> = {
  // DPP 2.1 Network Protection
  'DPP-2.1-DataSubnetNoPublicIp': [
    { target: 'Target', resources: one('AWS::EC2::Subnet', { VpcId: 'vpc-0123456789abcdef0', CidrBlock: '10.0.3.0/24', MapPublicIpOnLaunch: true, Tags: tags({ 'dpp:network-tier': 'data' }) }) },
  ],
  'DPP-2.1-DataTierInstanceNoPublicIp': [
    {
      target: 'Target',
      resources: {
        DataSubnet: DATA_SUBNET,
        Target: { Type: 'AWS::EC2::Instance', Properties: { ImageId: 'ami-12345678', NetworkInterfaces: [{ DeviceIndex: '0', AssociatePublicIpAddress: true, SubnetId: { Ref: 'DataSubnet' } }] } },
      },
    },
    {
      target: 'Target',
      resources: {
        DataSubnet: DATA_SUBNET,
        Target: { Type: 'AWS::EC2::Instance', Properties: { ImageId: 'ami-12345678', SubnetId: { Ref: 'DataSubnet' } } },
        Address: { Type: 'AWS::EC2::EIP', Properties: { InstanceId: { Ref: 'Target' } } },
      },
    },
  ],
  'DPP-2.1-DataTierLaunchTemplateNoPublicIp': [
    {
      target: 'Target',
      resources: {
        DataSubnet: DATA_SUBNET,
        Target: { Type: 'AWS::EC2::LaunchTemplate', Properties: { LaunchTemplateData: { NetworkInterfaces: [{ DeviceIndex: 0, AssociatePublicIpAddress: true, SubnetId: { Ref: 'DataSubnet' } }] } } },
      },
    },
    {
      target: 'Target',
      resources: {
        DataSubnet: DATA_SUBNET,
        Target: { Type: 'AWS::AutoScaling::LaunchConfiguration', Properties: { ImageId: 'ami-12345678', InstanceType: 't3.micro', AssociatePublicIpAddress: true } },
        Group: { Type: 'AWS::AutoScaling::AutoScalingGroup', Properties: { MinSize: '1', MaxSize: '1', LaunchConfigurationName: { Ref: 'Target' }, VPCZoneIdentifier: [{ Ref: 'DataSubnet' }] } },
      },
    },
  ],
  'DPP-2.1-NotPubliclyAccessible': [
    { target: 'Target', resources: one('AWS::RDS::DBInstance', { Engine: 'postgres', DBInstanceClass: 'db.t3.micro', StorageEncrypted: true, PubliclyAccessible: true }) },
    { target: 'Target', resources: one('AWS::Redshift::Cluster', { NodeType: 'ra3.xlplus', Encrypted: true, PubliclyAccessible: 'true' }) },
    { target: 'Target', resources: one('AWS::DMS::ReplicationInstance', { ReplicationInstanceClass: 'dms.t3.micro', PubliclyAccessible: true }) },
  ],
  'DPP-2.1-S3BlockPublicAccess': [
    {
      target: 'Target',
      resources: one('AWS::S3::Bucket', { PublicAccessBlockConfiguration: { BlockPublicAcls: false, BlockPublicPolicy: false, IgnorePublicAcls: false, RestrictPublicBuckets: false } }),
    },
  ],
  'DPP-2.1-S3NoPublicAcl': [
    { target: 'Target', resources: one('AWS::S3::Bucket', { AccessControl: 'PublicRead' }) },
  ],
  'DPP-2.1-SecurityGroupNoOpenIngress': [
    {
      target: 'Target',
      resources: one('AWS::EC2::SecurityGroup', { GroupDescription: 'ssh', VpcId: 'vpc-0123456789abcdef0', SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: '0.0.0.0/0' }] }),
    },
    { target: 'Target', resources: one('AWS::EC2::SecurityGroupIngress', { GroupId: 'sg-0123456789abcdef0', IpProtocol: '-1', CidrIpv6: '::/0' }) },
    {
      target: 'Target',
      resources: one('AWS::EC2::SecurityGroup', { GroupDescription: 'web', SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: 80, ToPort: 80, CidrIp: '0.0.0.0/0' }] }),
    },
  ],

  'DPP-2.1-VpcFlowLogs': [
    {
      target: 'Target',
      resources: {
        Target: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16', Tags: tags({ 'dpp:segmented': 'true' }) } },
        OtherLog: { Type: 'AWS::EC2::FlowLog', Properties: { ResourceId: 'vpc-00000000000000000', ResourceType: 'VPC', TrafficType: 'ALL' } },
      },
    },
  ],
  'DPP-2.1-SegmentedSubnetNetworkAcl': [
    {
      target: 'Target',
      resources: {
        Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16', Tags: tags({ 'dpp:segmented': 'true' }) } },
        Target: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: { Ref: 'Vpc' }, CidrBlock: '10.0.1.0/24', Tags: tags({ 'dpp:network-tier': 'application' }) } },
      },
    },
  ],
  'DPP-2.1-NetworkAclOpenIngress': [
    {
      target: 'Target',
      resources: {
        Acl: { Type: 'AWS::EC2::NetworkAcl', Properties: { VpcId: VPC } },
        PublicSubnet: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: VPC, CidrBlock: '10.0.0.0/24', Tags: tags({ 'dpp:network-tier': 'public' }) } },
        Association: { Type: 'AWS::EC2::SubnetNetworkAclAssociation', Properties: { SubnetId: { Ref: 'PublicSubnet' }, NetworkAclId: { Ref: 'Acl' } } },
        Target: {
          Type: 'AWS::EC2::NetworkAclEntry',
          Properties: { NetworkAclId: { Ref: 'Acl' }, RuleNumber: 100, Protocol: 6, RuleAction: 'allow', Egress: false, CidrBlock: '0.0.0.0/0', PortRange: { From: 22, To: 22 } },
        },
      },
    },
    {
      target: 'Target',
      resources: {
        Acl: { Type: 'AWS::EC2::NetworkAcl', Properties: { VpcId: VPC } },
        DataSubnet: DATA_SUBNET,
        Association: { Type: 'AWS::EC2::SubnetNetworkAclAssociation', Properties: { SubnetId: { Ref: 'DataSubnet' }, NetworkAclId: { Ref: 'Acl' } } },
        Target: {
          Type: 'AWS::EC2::NetworkAclEntry',
          Properties: { NetworkAclId: { Ref: 'Acl' }, RuleNumber: 100, Protocol: '6', RuleAction: 'allow', Egress: 'false', CidrBlock: '0.0.0.0/0', PortRange: { From: 443, To: 443 } },
        },
      },
    },
  ],

  // DPP 2.2 Access Management
  'DPP-2.2-IamUserNotGeneric': [
    { target: 'Target', resources: one('AWS::IAM::User', { UserName: 'admin', Path: '/' }) },
  ],
  'DPP-2.2-ConsoleUserMfaGroup': [
    {
      target: 'Target',
      resources: {
        Developers: { Type: 'AWS::IAM::Group', Properties: { GroupName: 'developers', Path: '/' } },
        Target: {
          Type: 'AWS::IAM::User',
          Properties: { UserName: 'alice.smith', Groups: [{ Ref: 'Developers' }], LoginProfile: { Password: '{{resolve:secretsmanager:alice-initial:SecretString:password}}', PasswordResetRequired: true } },
        },
      },
    },
  ],
  'DPP-2.2-CognitoThreatProtection': [
    { target: 'Target', resources: one('AWS::Cognito::UserPool', { UserPoolTier: 'ESSENTIALS', UserPoolAddOns: { AdvancedSecurityMode: 'AUDIT' } }) },
  ],

  // DPP 2.3 Least Privilege Access
  'DPP-2.3-NoWildcardGrant': [
    { target: 'Target', resources: one('AWS::IAM::Policy', { PolicyName: 'everything', Roles: ['app-role'], PolicyDocument: policy({ Effect: 'Allow', Action: '*', Resource: '*' }) }) },
    { target: 'Target', resources: one('AWS::IAM::Role', { AssumeRolePolicyDocument: policy({ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }), Policies: [{ PolicyName: 'kms', PolicyDocument: policy({ Effect: 'Allow', Action: ['kms:*'], Resource: ['*'] }) }] }) },
  ],
  'DPP-2.3-NoAdminManagedPolicy': [
    { target: 'Target', resources: one('AWS::IAM::Group', { GroupName: 'operators', ManagedPolicyArns: ['arn:aws:iam::aws:policy/AdministratorAccess'] }) },
    { target: 'Target', resources: one('AWS::IAM::Role', { AssumeRolePolicyDocument: policy({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }), ManagedPolicyArns: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/IAMFullAccess']] }] }) },
  ],
  'DPP-2.3-NoPublicPrincipal': [
    { target: 'Target', resources: one('AWS::S3::BucketPolicy', { Bucket: 'shared-bucket', PolicyDocument: policy({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::shared-bucket/*' }) }) },
    { target: 'Target', resources: one('AWS::Lambda::Permission', { Action: 'lambda:InvokeFunction', FunctionName: 'handler', Principal: '*' }) },
    { target: 'Target', resources: one('AWS::IAM::Role', { AssumeRolePolicyDocument: policy({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }) }) },
  ],
  'DPP-2.3-ScopedWriteActions': [
    { target: 'Target', resources: one('AWS::IAM::ManagedPolicy', { PolicyDocument: policy({ Effect: 'Allow', Action: ['s3:PutObject', 's3:GetObject'], Resource: '*' }) }) },
  ],

  // DPP 2.4 Credential Management
  'DPP-2.4-AccountPasswordPolicyPresent': [
    { target: 'Target', resources: one('AWS::SQS::Queue', { Tags: tags({ 'dpp:environment': 'prod' }) }) },
  ],
  'DPP-2.4-AccountPasswordPolicy': [
    {
      target: 'Target',
      resources: one('Custom::AccountPasswordPolicy', {
        ServiceToken: 'arn:aws:lambda:eu-west-1:111111111111:function:password-policy', MinimumPasswordLength: 8,
        RequireUppercaseCharacters: true, RequireLowercaseCharacters: true, RequireNumbers: true, RequireSymbols: 'false', MaxPasswordAge: 400, PasswordReusePrevention: 24,
      }),
    },
  ],
  'DPP-2.4-ConsoleGroupMfa': [
    {
      target: 'Target',
      resources: {
        Target: { Type: 'AWS::IAM::Group', Properties: { GroupName: 'developers', ManagedPolicyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] } },
        Alice: { Type: 'AWS::IAM::User', Properties: { UserName: 'alice.smith', Groups: [{ Ref: 'Target' }], LoginProfile: { Password: '{{resolve:secretsmanager:alice-initial:SecretString:password}}' } } },
      },
    },
  ],
  'DPP-2.4-CognitoPasswordPolicy': [
    { target: 'Target', resources: one('AWS::Cognito::UserPool', { Policies: { PasswordPolicy: { MinimumLength: 8, RequireUppercase: true, RequireLowercase: true, RequireNumbers: true, RequireSymbols: false } } }) },
  ],
  'DPP-2.4-CognitoMfaRequired': [
    { target: 'Target', resources: one('AWS::Cognito::UserPool', { MfaConfiguration: 'OPTIONAL' }) },
  ],
  'DPP-2.4-SecretCustomerKey': [
    { target: 'Target', resources: one('AWS::SecretsManager::Secret', { Name: 'db', KmsKeyId: 'alias/aws/secretsmanager', ReplicaRegions: [{ Region: 'eu-central-1', KmsKeyId: 'alias/aws/secretsmanager' }] }) },
  ],

  // DPP 2.5 Encryption in Transit
  'DPP-2.5-S3DenyInsecureTransport': [
    {
      target: 'Target',
      resources: {
        Target: { Type: 'AWS::S3::Bucket', Properties: { BucketName: 'seed-bucket' } },
        Policy: {
          Type: 'AWS::S3::BucketPolicy',
          Properties: {
            Bucket: { Ref: 'Target' },
            PolicyDocument: policy({
              Effect: 'Deny', Principal: { AWS: '*' }, Action: 's3:*',
              Resource: [{ 'Fn::GetAtt': ['Target', 'Arn'] }, { 'Fn::Join': ['', [{ 'Fn::GetAtt': ['Target', 'Arn'] }, '/*']] }],
              Condition: { Bool: { 'aws:SecureTransport': 'true' } },
            }),
          },
        },
      },
    },
  ],
  'DPP-2.5-SnsDenyInsecureTransport': [
    {
      target: 'Target',
      resources: {
        Target: { Type: 'AWS::SNS::Topic', Properties: { TopicName: 'events' } },
        Policy: {
          Type: 'AWS::SNS::TopicPolicy',
          Properties: { Topics: [{ Ref: 'Target' }], PolicyDocument: policy({ Effect: 'Deny', Principal: '*', Action: 'sns:Subscribe', Resource: { Ref: 'Target' }, Condition: { Bool: { 'aws:SecureTransport': 'false' } } }) },
        },
      },
    },
  ],
  'DPP-2.5-SqsDenyInsecureTransport': [
    {
      target: 'Target',
      resources: {
        Target: { Type: 'AWS::SQS::Queue', Properties: { QueueName: 'jobs' } },
        Policy: {
          Type: 'AWS::SQS::QueuePolicy',
          Properties: { Queues: [{ Ref: 'Target' }], PolicyDocument: policy({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${SEED_ACCOUNT}:root` }, Action: 'sqs:SendMessage', Resource: { 'Fn::GetAtt': ['Target', 'Arn'] } }) },
        },
      },
    },
  ],
  'DPP-2.5-ElbListenerTls': [
    {
      target: 'Target',
      resources: one('AWS::ElasticLoadBalancingV2::Listener', {
        LoadBalancerArn: 'arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/app/web/1', Port: 443, Protocol: 'HTTPS',
        SslPolicy: 'ELBSecurityPolicy-2016-08', Certificates: [{ CertificateArn: CERTIFICATE_ARN }], DefaultActions: [{ Type: 'forward', TargetGroupArn: 'arn:aws:elasticloadbalancing:eu-west-1:111111111111:targetgroup/web/1' }],
      }),
    },
    {
      target: 'Target',
      resources: one('AWS::ElasticLoadBalancingV2::Listener', {
        LoadBalancerArn: 'arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/app/web/1', Port: 80, Protocol: 'HTTP',
        DefaultActions: [{ Type: 'redirect', RedirectConfig: { Protocol: 'HTTP', Port: '8080', StatusCode: 'HTTP_301' } }],
      }),
    },
  ],
  'DPP-2.5-ClassicElbListenerTls': [
    { target: 'Target', resources: one('AWS::ElasticLoadBalancing::LoadBalancer', { Listeners: [{ LoadBalancerPort: '80', InstancePort: '80', Protocol: 'HTTP' }] }) },
    {
      target: 'Target',
      resources: one('AWS::ElasticLoadBalancing::LoadBalancer', {
        Listeners: [{ LoadBalancerPort: '443', InstancePort: '443', Protocol: 'HTTPS', SSLCertificateId: CERTIFICATE_ARN, PolicyNames: ['Tls'] }],
        Policies: [{ PolicyName: 'Tls', PolicyType: 'SSLNegotiationPolicyType', Attributes: [{ Name: 'Reference-Security-Policy', Value: 'ELBSecurityPolicy-2016-08' }] }],
      }),
    },
  ],
  'DPP-2.5-CloudFrontViewerHttps': [
    {
      target: 'Target',
      resources: one('AWS::CloudFront::Distribution', {
        DistributionConfig: { Enabled: true, Origins: [{ Id: 'web', DomainName: 'example.com' }], DefaultCacheBehavior: { TargetOriginId: 'web', ViewerProtocolPolicy: 'allow-all' }, CacheBehaviors: [{ PathPattern: '/api/*', TargetOriginId: 'web', ViewerProtocolPolicy: 'allow-all' }] },
      }),
    },
  ],
  'DPP-2.5-CloudFrontMinimumTls': [
    {
      target: 'Target',
      resources: one('AWS::CloudFront::Distribution', {
        DistributionConfig: { Enabled: true, ViewerCertificate: { AcmCertificateArn: CERTIFICATE_ARN, SslSupportMethod: 'sni-only', MinimumProtocolVersion: 'TLSv1' } },
      }),
    },
    { target: 'Target', resources: one('AWS::CloudFront::Distribution', { DistributionConfig: { Enabled: true, ViewerCertificate: { CloudFrontDefaultCertificate: true } } }) },
  ],
  'DPP-2.5-ApiGatewayDomainTls': [
    { target: 'Target', resources: one('AWS::ApiGateway::DomainName', { DomainName: 'api.example.com', SecurityPolicy: 'TLS_1_0' }) },
    { target: 'Target', resources: one('AWS::ApiGatewayV2::DomainName', { DomainName: 'api.example.com', DomainNameConfigurations: [{ CertificateArn: CERTIFICATE_ARN, SecurityPolicy: 'TLS_1_0' }] }) },
  ],
  'DPP-2.5-RdsForceSsl': [
    {
      target: 'Target',
      resources: {
        Params: { Type: 'AWS::RDS::DBParameterGroup', Properties: { Family: 'postgres16', Description: 'seed', Parameters: { 'rds.force_ssl': '0' } } },
        Target: { Type: 'AWS::RDS::DBInstance', Properties: { Engine: 'postgres', DBInstanceClass: 'db.t3.micro', DBParameterGroupName: { Ref: 'Params' } } },
      },
    },
    { target: 'Target', resources: one('AWS::RDS::DBCluster', { Engine: 'aurora-mysql', DBClusterParameterGroupName: 'default.aurora-mysql8.0' }) },
  ],
  'DPP-2.5-S3MinimumTlsVersion': [
    {
      target: 'Target',
      resources: {
        Target: { Type: 'AWS::S3::Bucket', Properties: { Tags: PII } },
        Policy: {
          Type: 'AWS::S3::BucketPolicy',
          Properties: { Bucket: { Ref: 'Target' }, PolicyDocument: policy({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::orders/*', Condition: { NumericLessThan: { 's3:TlsVersion': '1.0' } } }) },
        },
      },
    },
  ],
  'DPP-2.5-SnsHttpsSubscription': [
    { target: 'Target', resources: one('AWS::SNS::Subscription', { TopicArn: TOPIC_ARN, Protocol: 'http', Endpoint: 'http://hooks.example.com/alerts' }) },
    { target: 'Target', resources: one('AWS::SNS::Topic', { Subscription: [{ Protocol: 'http', Endpoint: 'http://hooks.example.com/alerts' }] }) },
  ],
  'DPP-2.5-CloudFrontOriginHttps': [
    {
      target: 'Target',
      resources: one('AWS::CloudFront::Distribution', {
        DistributionConfig: {
          Enabled: true,
          Origins: [{ Id: 'api', DomainName: 'api.example.com', CustomOriginConfig: { OriginProtocolPolicy: 'http-only', OriginSSLProtocols: ['TLSv1'] } }],
          DefaultCacheBehavior: { TargetOriginId: 'api', ViewerProtocolPolicy: 'https-only', CachePolicyId: '658327ea-f89d-4fab-a63d-7e88639e58f6' },
        },
      }),
    },
  ],
  'DPP-2.5-MskTlsOnly': [
    {
      target: 'Target',
      resources: one('AWS::MSK::Cluster', {
        ClusterName: 'events', KafkaVersion: '3.6.0', NumberOfBrokerNodes: 2,
        BrokerNodeGroupInfo: { ClientSubnets: ['subnet-1', 'subnet-2'], InstanceType: 'kafka.m5.large' },
        EncryptionInfo: { EncryptionInTransit: { ClientBroker: 'TLS_PLAINTEXT', InCluster: false } },
      }),
    },
  ],
  'DPP-2.5-DocumentDbTls': [
    { target: 'Target', resources: one('AWS::DocDB::DBClusterParameterGroup', { Description: 'docdb', Family: 'docdb5.0', Parameters: { tls: 'disabled' } }) },
  ],
  'DPP-2.5-NeptuneEnforceSsl': [
    { target: 'Target', resources: one('AWS::Neptune::DBClusterParameterGroup', { Description: 'neptune', Family: 'neptune1.3', Parameters: { neptune_enforce_ssl: '0' } }) },
  ],
  'DPP-2.1-EksEndpointNotPublic': [
    { target: 'Target', resources: one('AWS::EKS::Cluster', { RoleArn: 'arn:aws:iam::111111111111:role/eks', ResourcesVpcConfig: { SubnetIds: ['subnet-1'], EndpointPublicAccess: true, PublicAccessCidrs: ['203.0.113.0/24', '0.0.0.0/0'] } }) },
  ],
  'DPP-2.1-SageMakerNoDirectInternet': [
    { target: 'Target', resources: one('AWS::SageMaker::NotebookInstance', { InstanceType: 'ml.t3.medium', RoleArn: 'arn:aws:iam::111111111111:role/sm', DirectInternetAccess: 'Enabled' }) },
  ],
  'DPP-2.1-OpenSearchRestrictedAccess': [
    { target: 'Target', resources: one('AWS::OpenSearchService::Domain', { AccessPolicies: policy({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'es:ESHttp*', Resource: '*' }) }) },
    { target: 'Target', resources: one('AWS::Elasticsearch::Domain', { VPCOptions: { SubnetIds: [] } }) },
  ],
  'DPP-2.3-OidcTrustRestricted': [
    {
      target: 'Target',
      resources: one('AWS::IAM::Role', {
        AssumeRolePolicyDocument: policy({
          Effect: 'Allow',
          Principal: { Federated: 'arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com' },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' }, StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:*' } },
        }),
      }),
    },
  ],
  'DPP-2.5-ElastiCacheTransitEncryption': [
    { target: 'Target', resources: one('AWS::ElastiCache::ReplicationGroup', { ReplicationGroupDescription: 'cache', TransitEncryptionEnabled: true, TransitEncryptionMode: 'preferred' }) },
    { target: 'Target', resources: one('AWS::ElastiCache::CacheCluster', { CacheNodeType: 'cache.t3.micro', Engine: 'redis', NumCacheNodes: 1, TransitEncryptionEnabled: false }) },
  ],
  'DPP-2.5-OpenSearchEnforceHttps': [
    { target: 'Target', resources: one('AWS::OpenSearchService::Domain', { DomainEndpointOptions: { EnforceHTTPS: false, TLSSecurityPolicy: 'Policy-Min-TLS-1-0-2019-07' } }) },
  ],
  'DPP-2.5-OpenSearchNodeToNodeEncryption': [
    { target: 'Target', resources: one('AWS::OpenSearchService::Domain', { NodeToNodeEncryptionOptions: { Enabled: false } }) },
  ],
  'DPP-2.5-RedshiftRequireSsl': [
    {
      target: 'Target',
      resources: {
        Params: { Type: 'AWS::Redshift::ClusterParameterGroup', Properties: { Description: 'seed', ParameterGroupFamily: 'redshift-1.0', Parameters: [{ ParameterName: 'require_ssl', ParameterValue: 'false' }] } },
        Target: { Type: 'AWS::Redshift::Cluster', Properties: { NodeType: 'ra3.xlplus', ClusterParameterGroupName: { Ref: 'Params' } } },
      },
    },
  ],
  'DPP-2.5-TransferSftpOnly': [
    { target: 'Target', resources: one('AWS::Transfer::Server', { Protocols: ['SFTP', 'FTP'], EndpointType: 'VPC' }) },
  ],

  // DPP 2.7 Incident Response
  'DPP-2.7-AlarmHasAction': [
    { target: 'Target', resources: one('AWS::CloudWatch::Alarm', { ActionsEnabled: false, AlarmActions: [TOPIC_ARN], MetricName: 'Errors', Namespace: 'App', Statistic: 'Sum', Period: 60, EvaluationPeriods: 1, Threshold: 1, ComparisonOperator: 'GreaterThanThreshold' }) },
    { target: 'Target', resources: one('AWS::CloudWatch::Alarm', { AlarmActions: [], OKActions: [TOPIC_ARN], MetricName: 'Errors', Namespace: 'App', Statistic: 'Sum', Period: 60, EvaluationPeriods: 1, Threshold: 1, ComparisonOperator: 'GreaterThanThreshold' }) },
  ],
  'DPP-2.7-SecurityTopicSubscribed': [
    { target: 'Target', resources: one('AWS::SNS::Topic', { TopicName: 'security', Tags: tags({ 'dpp:purpose': 'security-alerts', 'dpp:environment': 'prod' }) }) },
  ],

  // DPP 2.8 Request for Deletion or Return
  'DPP-2.8-PiiBucketNoncurrentExpiration': [
    {
      target: 'Target',
      resources: one('AWS::S3::Bucket', { Tags: PII, VersioningConfiguration: { Status: 'Enabled' }, LifecycleConfiguration: { Rules: [{ Id: 'old-versions', Status: 'Enabled', NoncurrentVersionExpiration: { NoncurrentDays: 365 } }] } }),
    },
  ],

  // DPP 2.9 Data Attribution
  'DPP-2.9-DataOriginTagged': [
    { target: 'Target', resources: one('AWS::S3::Bucket', { Tags: tags({ 'dpp:data-origin': '', 'dpp:classification': 'internal' }) }) },
    { target: 'Target', resources: one('AWS::EFS::FileSystem', { Encrypted: true, FileSystemTags: tags({ 'dpp:data-origin': ' ', 'dpp:classification': 'internal' }) }) },
  ],
  'DPP-2.9-ClassificationTagged': [
    { target: 'Target', resources: one('AWS::S3::Bucket', { Tags: tags({ 'dpp:data-origin': 'internal', 'dpp:classification': 'secret' }) }) },
    { target: 'Target', resources: one('AWS::DynamoDB::GlobalTable', { Replicas: [{ Region: SEED_REGION, Tags: tags({ 'dpp:data-origin': 'internal', 'dpp:classification': 'Secret' }) }] }) },
  ],

  // DPP 3.1 Data Retention
  'DPP-2.8-NonPiiStoreExpiration': [
    { target: 'Target', resources: one('AWS::S3::Bucket', { Tags: CONFIDENTIAL, LifecycleConfiguration: { Rules: [{ Id: 'expire', Status: 'Enabled', ExpirationInDays: 1000 }] } }) },
    { target: 'Target', resources: one('AWS::DynamoDB::Table', { Tags: CONFIDENTIAL, TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: false } }) },
  ],
  'DPP-3.1-PiiBucketExpiration': [
    { target: 'Target', resources: one('AWS::S3::Bucket', { Tags: PII, LifecycleConfiguration: { Rules: [{ Id: 'expire', Status: 'Enabled', ExpirationInDays: 365 }] } }) },
  ],
  'DPP-3.1-PiiTableTtl': [
    { target: 'Target', resources: one('AWS::DynamoDB::Table', { Tags: PII, TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: false } }) },
  ],
  'DPP-3.1-NoPiiLogGroup': [
    { target: 'Target', resources: one('AWS::Logs::LogGroup', { RetentionInDays: 30, Tags: PII }) },
  ],

  // DPP 3.3 Asset Management
  'DPP-3.3-ConfigRecorderPresent': [
    { target: 'Target', resources: one('AWS::SQS::Queue', { Tags: tags({ 'dpp:environment': 'prod' }) }) },
  ],

  // DPP 3.4 Encryption at Rest
  'DPP-3.4-S3BucketEncrypted': [
    { target: 'Target', resources: one('AWS::S3::Bucket', { BucketEncryption: bucketEncryption('none') }) },
  ],
  'DPP-3.4-S3PiiBucketCustomerKey': [
    { target: 'Target', resources: one('AWS::S3::Bucket', { BucketEncryption: bucketEncryption('AES256'), Tags: PII }) },
    { target: 'Target', resources: one('AWS::S3::Bucket', { BucketEncryption: bucketEncryption('aws:kms', 'alias/aws/s3'), Tags: PII }) },
  ],
  'DPP-3.4-RdsStorageEncrypted': [
    { target: 'Target', resources: one('AWS::RDS::DBInstance', { Engine: 'postgres', DBInstanceClass: 'db.t3.micro', StorageEncrypted: false }) },
    { target: 'Target', resources: one('AWS::RDS::DBCluster', { Engine: 'aurora-postgresql', StorageEncrypted: 'false' }) },
  ],
  'DPP-3.4-PiiDatabaseCustomerKey': [
    { target: 'Target', resources: one('AWS::RDS::DBCluster', { Engine: 'aurora-postgresql', StorageEncrypted: true, Tags: PII }) },
    { target: 'Target', resources: one('AWS::RDS::DBInstance', { Engine: 'postgres', StorageEncrypted: true, KmsKeyId: 'alias/aws/rds', Tags: PII }) },
  ],
  'DPP-3.4-DynamoDbTableEncrypted': [
    { target: 'Target', resources: one('AWS::DynamoDB::Table', { BillingMode: 'PAY_PER_REQUEST', SSESpecification: { SSEEnabled: false } }) },
    { target: 'Target', resources: one('AWS::DynamoDB::Table', { SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: 'alias/aws/dynamodb' }, Tags: PII }) },
    {
      target: 'Target',
      resources: one('AWS::DynamoDB::GlobalTable', {
        SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
        Replicas: [{ Region: SEED_REGION, Tags: PII, SSESpecification: { KMSMasterKeyId: 'alias/aws/dynamodb' } }],
      }),
    },
  ],
  'DPP-3.4-EfsFileSystemEncrypted': [
    { target: 'Target', resources: one('AWS::EFS::FileSystem', { Encrypted: false, PerformanceMode: 'generalPurpose' }) },
  ],
  'DPP-3.4-EbsVolumeEncrypted': [
    { target: 'Target', resources: one('AWS::EC2::Volume', { AvailabilityZone: 'eu-west-1a', Size: 8, Encrypted: false }) },
    { target: 'Target', resources: one('AWS::EC2::Instance', { ImageId: 'ami-12345678', BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { VolumeSize: 8, Encrypted: false } }] }) },
    { target: 'Target', resources: one('AWS::EC2::LaunchTemplate', { LaunchTemplateData: { BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { VolumeSize: 8, Encrypted: 'false' } }] } }) },
  ],
  'DPP-3.4-ElastiCacheAtRestEncrypted': [
    { target: 'Target', resources: one('AWS::ElastiCache::ReplicationGroup', { ReplicationGroupDescription: 'cache', AtRestEncryptionEnabled: false }) },
  ],
  'DPP-3.4-OpenSearchEncryptedAtRest': [
    { target: 'Target', resources: one('AWS::OpenSearchService::Domain', { EncryptionAtRestOptions: { Enabled: false } }) },
    { target: 'Target', resources: one('AWS::Elasticsearch::Domain', { EncryptionAtRestOptions: { Enabled: 'false' } }) },
  ],
  'DPP-3.4-RedshiftClusterEncrypted': [
    { target: 'Target', resources: one('AWS::Redshift::Cluster', { NodeType: 'ra3.xlplus', PubliclyAccessible: false, Encrypted: false }) },
  ],
  'DPP-3.4-KinesisStreamEncrypted': [
    { target: 'Target', resources: one('AWS::Kinesis::Stream', { ShardCount: 1, StreamEncryption: { EncryptionType: 'NONE' } }) },
  ],
  'DPP-3.4-SnsPiiTopicKmsKey': [
    { target: 'Target', resources: one('AWS::SNS::Topic', { TopicName: 'orders', KmsMasterKeyId: '', Tags: PII }) },
  ],
  'DPP-3.4-SqsPiiQueueKmsKey': [
    { target: 'Target', resources: one('AWS::SQS::Queue', { SqsManagedSseEnabled: true, Tags: PII }) },
  ],
  'DPP-3.4-SensitiveLogGroupKmsKey': [
    { target: 'Target', resources: one('AWS::Logs::LogGroup', { RetentionInDays: 90, Tags: CONFIDENTIAL }) },
  ],
  'DPP-3.4-BackupVaultKmsKey': [
    { target: 'Target', resources: one('AWS::Backup::BackupVault', { BackupVaultName: 'vault', BackupVaultTags: { 'dpp:classification': 'pii' } }) },
  ],
  'DPP-3.4-KmsKeyRotation': [
    { target: 'Target', resources: one('AWS::KMS::Key', { KeySpec: 'SYMMETRIC_DEFAULT', Origin: 'AWS_KMS', EnableKeyRotation: false }) },
  ],
  'DPP-3.4-KmsKeySpecStrength': [
    { target: 'Target', resources: one('AWS::KMS::Key', { KeySpec: 'RSA_1024', KeyUsage: 'ENCRYPT_DECRYPT' }) },
  ],
  'DPP-3.4-KmsKeyPolicyOwnAccount': [
    {
      target: 'Target',
      resources: one('AWS::KMS::Key', {
        EnableKeyRotation: true,
        KeyPolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${OTHER_ACCOUNT}:root` }, Action: 'kms:Decrypt', Resource: '*' }] },
      }),
    },
    {
      target: 'Target',
      resources: one('AWS::KMS::Key', {
        EnableKeyRotation: true,
        KeyPolicy: { Version: '2012-10-17', Statement: [{ Sid: 'Open', Effect: 'Allow', Principal: '*', Action: ['kms:Decrypt', 'kms:Encrypt'], Resource: '*' }] },
      }),
    },
  ],
  // DPP 3.5 Secure Coding Practices
  'DPP-3.5-NoHardcodedMasterPassword': [
    { target: 'Target', resources: one('AWS::RDS::DBInstance', { Engine: 'postgres', DBInstanceClass: 'db.t3.micro', MasterUsername: 'dbowner', MasterUserPassword: 'correct-horse-battery' }), deployTimeValuePasses: LITERAL_SECRET },
    { target: 'Target', resources: one('AWS::AmazonMQ::Broker', { BrokerName: 'mq', Users: [{ Username: 'app', Password: 'mq-password-123' }] }), deployTimeValuePasses: LITERAL_SECRET },
  ],
  'DPP-3.5-NoHardcodedLoginPassword': [
    { target: 'Target', resources: one('AWS::IAM::User', { UserName: 'alice.smith', LoginProfile: { Password: 'Initial-Passw0rd!', PasswordResetRequired: true } }), deployTimeValuePasses: LITERAL_SECRET },
  ],
  'DPP-3.5-NoEchoParameterWithoutDefault': [
    { target: 'Target', resources: one('AWS::SQS::Queue', {}), parameters: { DbPassword: { Type: 'String', NoEcho: true, Default: 'hunter2-hunter2' } } },
  ],
  'DPP-3.5-NoSecretInEnvironment': [
    {
      target: 'Target',
      resources: one('AWS::Lambda::Function', { Runtime: 'nodejs20.x', Handler: 'index.handler', Role: 'arn:aws:iam::111111111111:role/app', Code: { ZipFile: 'exports.handler = async () => {}' }, Environment: { Variables: { DB_PASSWORD: 'hunter2-hunter2' } } }),
      deployTimeValuePasses: LITERAL_SECRET,
    },
    {
      target: 'Target',
      resources: one('AWS::ECS::TaskDefinition', { ContainerDefinitions: [{ Name: 'app', Image: 'app:1', Environment: [{ Name: 'API_TOKEN', Value: 'tok-3f9a8b7c6d5e' }] }] }),
      deployTimeValuePasses: LITERAL_SECRET,
    },
    {
      target: 'Target',
      resources: one('AWS::CodeBuild::Project', { Environment: { Type: 'LINUX_CONTAINER', Image: 'aws/codebuild/standard:7.0', ComputeType: 'BUILD_GENERAL1_SMALL', EnvironmentVariables: [{ Name: 'NPM_TOKEN', Type: 'PLAINTEXT', Value: 'npm-token-value-123' }] } }),
      deployTimeValuePasses: LITERAL_SECRET,
    },
  ],
  'DPP-3.5-EnvironmentsInSeparateStacks': [
    {
      target: 'Target',
      resources: {
        Target: { Type: 'AWS::SQS::Queue', Properties: { Tags: tags({ 'dpp:environment': 'test' }) } },
        Other: { Type: 'AWS::SNS::Topic', Properties: { Tags: tags({ 'dpp:environment': 'prod' }) } },
      },
    },
  ],
  'DPP-3.5-EnvironmentsInSeparateAccounts': [
    { target: 'Target', resources: one('AWS::SQS::Queue', { Tags: tags({ 'dpp:environment': 'prod' }) }), otherStacks: [otherStack('TestStack', 'test')] },
  ],
  'DPP-3.5-ProdDoesNotImportTest': [
    {
      target: 'Target',
      resources: one('AWS::SQS::Queue', { QueueName: { 'Fn::ImportValue': 'TestStack-QueueName' }, Tags: tags({ 'dpp:environment': 'prod' }) }),
      otherStacks: [{ ...otherStack('TestStack', 'test', { Outputs: { QueueName: { Value: 'q', Export: { Name: 'TestStack-QueueName' } } } }), account: '222222222222' }],
    },
  ],

  // DPP 3.6 Logging and Monitoring
  'DPP-3.6-TrailPresent': [
    { target: 'Target', resources: one('AWS::SQS::Queue', { Tags: tags({ 'dpp:environment': 'prod' }) }) },
  ],
  'DPP-3.6-TrailIsLogging': [
    { target: 'Target', resources: one('AWS::CloudTrail::Trail', { IsLogging: false, S3BucketName: 'trail-bucket', IsMultiRegionTrail: true, EnableLogFileValidation: true, KMSKeyId: 'alias/trail' }) },
  ],
  'DPP-3.6-TrailMultiRegion': [
    { target: 'Target', resources: one('AWS::CloudTrail::Trail', { IsLogging: true, S3BucketName: 'trail-bucket', IsMultiRegionTrail: false, EnableLogFileValidation: true, KMSKeyId: 'alias/trail' }) },
  ],
  'DPP-3.6-TrailLogFileValidation': [
    { target: 'Target', resources: one('AWS::CloudTrail::Trail', { IsLogging: true, S3BucketName: 'trail-bucket', IsMultiRegionTrail: true, EnableLogFileValidation: false, KMSKeyId: 'alias/trail' }) },
  ],
  'DPP-3.6-TrailEncrypted': [
    { target: 'Target', resources: one('AWS::CloudTrail::Trail', { IsLogging: true, S3BucketName: 'trail-bucket', IsMultiRegionTrail: true, EnableLogFileValidation: true, KMSKeyId: { Ref: 'AWS::NoValue' } }) },
  ],
  'DPP-3.6-LogGroupRetention': [
    { target: 'Target', resources: one('AWS::Logs::LogGroup', { RetentionInDays: 30 }) },
  ],
  'DPP-3.6-SensitiveBucketAccessLogging': [
    { target: 'Target', resources: one('AWS::S3::Bucket', { Tags: CONFIDENTIAL, LoggingConfiguration: { Ref: 'AWS::NoValue' } }) },
  ],
  'DPP-3.6-LoadBalancerAccessLogs': [
    { target: 'Target', resources: one('AWS::ElasticLoadBalancingV2::LoadBalancer', { Type: 'application', Scheme: 'internal', Subnets: ['subnet-1', 'subnet-2'], LoadBalancerAttributes: [{ Key: 'access_logs.s3.enabled', Value: 'false' }] }) },
    { target: 'Target', resources: one('AWS::ElasticLoadBalancing::LoadBalancer', { Listeners: [{ LoadBalancerPort: '443', InstancePort: '443', Protocol: 'TCP' }], AccessLoggingPolicy: { Enabled: false, S3BucketName: 'logs', EmitInterval: 5 } }) },
  ],
  'DPP-3.6-ApiStageAccessLogs': [
    { target: 'Target', resources: one('AWS::ApiGateway::Stage', { RestApiId: 'abc123', DeploymentId: 'dep123', StageName: 'prod', AccessLogSetting: { Format: '$context.requestId' } }) },
    { target: 'Target', resources: one('AWS::ApiGateway::Deployment', { RestApiId: 'abc123', StageName: 'prod', StageDescription: { LoggingLevel: 'INFO', AccessLogSetting: { DestinationArn: { Ref: 'AWS::NoValue' } } } }) },
  ],
  // Issue 15, the DPP in full.
  'DPP-3.6-PiiStoreDataEvents': [
    { target: 'Target', resources: one('AWS::S3::Bucket', { BucketName: 'orders-pii', Tags: tags({ 'dpp:environment': 'prod', 'dpp:classification': 'pii' }) }) },
  ],
  'DPP-3.6-LogGroupDataProtection': [
    { target: 'Target', resources: one('AWS::Logs::LogGroup', { RetentionInDays: 365, Tags: tags({ 'dpp:environment': 'prod' }) }) },
  ],
  'DPP-2.1-PublicEntryPointWebAcl': [
    { target: 'Target', resources: one('AWS::ElasticLoadBalancingV2::LoadBalancer', { Type: 'application', Scheme: 'internet-facing', Subnets: ['subnet-1', 'subnet-2'] }) },
    { target: 'Target', resources: one('AWS::CloudFront::Distribution', { DistributionConfig: { Enabled: true, WebACLId: { Ref: 'AWS::NoValue' } } }) },
  ],
  'DPP-3.6-CloudFrontAccessLogs': [
    { target: 'Target', resources: one('AWS::CloudFront::Distribution', { DistributionConfig: { Enabled: true, Logging: { Bucket: { Ref: 'AWS::NoValue' }, IncludeCookies: false } } }) },
  ],
  'DPP-3.6-AlarmTopicAllowsCloudWatch': [
    {
      target: 'Target',
      resources: {
        Target: { Type: 'AWS::SNS::Topic', Properties: { TopicName: 'alerts' } },
        Alarm: { Type: 'AWS::CloudWatch::Alarm', Properties: { AlarmActions: [{ Ref: 'Target' }], MetricName: 'Errors', Namespace: 'App', Statistic: 'Sum', Period: 60, EvaluationPeriods: 1, Threshold: 1, ComparisonOperator: 'GreaterThanThreshold' } },
        Policy: {
          Type: 'AWS::SNS::TopicPolicy',
          Properties: { Topics: [{ Ref: 'Target' }], PolicyDocument: policy({ Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' }, Action: 'sns:Publish', Resource: { Ref: 'Target' } }) },
        },
      },
    },
  ],

  // DPP 3.7 Vulnerability Management
  'DPP-3.7-EcrScanOnPush': [
    { target: 'Target', resources: one('AWS::ECR::Repository', { RepositoryName: 'app', ImageScanningConfiguration: { ScanOnPush: false } }) },
  ],
  'DPP-3.7-RdsBackupRetention': [
    { target: 'Target', resources: one('AWS::RDS::DBInstance', { Engine: 'postgres', DBInstanceClass: 'db.t3.micro', BackupRetentionPeriod: 1 }) },
  ],
  'DPP-3.7-BackupCopyToSecondRegion': [
    { target: 'Target', resources: one('AWS::Backup::BackupPlan', { BackupPlan: { BackupPlanName: 'plan', BackupPlanRule: [{ RuleName: 'daily', TargetBackupVault: 'vault', CopyActions: [{ DestinationBackupVaultArn: `arn:aws:backup:${SEED_REGION}:${SEED_ACCOUNT}:backup-vault:copy` }] }] } }) },
  ],
  'DPP-3.7-RdsAutoMinorVersionUpgrade': [
    { target: 'Target', resources: one('AWS::RDS::DBInstance', { Engine: 'postgres', DBInstanceClass: 'db.t3.micro', AutoMinorVersionUpgrade: false }) },
  ],
  'DPP-3.7-ProdDatabaseDeletionProtection': [
    { target: 'Target', resources: one('AWS::DynamoDB::Table', { DeletionProtectionEnabled: false, Tags: tags({ 'dpp:environment': 'prod' }) }) },
    { target: 'Target', resources: one('AWS::RDS::DBCluster', { Engine: 'aurora-postgresql', DeletionProtection: 'false', Tags: tags({ 'dpp:environment': 'prod' }) }) },
  ],
};
