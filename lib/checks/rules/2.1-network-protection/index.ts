import type { Rule } from '../../types';
import { DataSubnetNoPublicIp } from './data-subnet-no-public-ip';
import { DataTierInstanceNoPublicIp } from './data-tier-instance-no-public-ip';
import { DataTierLaunchTemplateNoPublicIp } from './data-tier-launch-template-no-public-ip';
import { EksEndpointNotPublic } from './eks-endpoint-not-public';
import { NetworkAclOpenIngress } from './network-acl-open-ingress';
import { NotPubliclyAccessible } from './not-publicly-accessible';
import { OpenSearchRestrictedAccess } from './opensearch-restricted-access';
import { S3BlockPublicAccess } from './s3-block-public-access';
import { S3NoPublicAcl } from './s3-no-public-acl';
import { SageMakerNoDirectInternet } from './sagemaker-no-direct-internet';
import { SecurityGroupNoOpenIngress } from './security-group-no-open-ingress';
import { SegmentedSubnetNetworkAcl } from './segmented-subnet-network-acl';
import { VpcFlowLogs } from './vpc-flow-logs';

/** The rules of DPP 2.1 Network Protection. One rule per file in this folder; list each here. */
export const rules: readonly Rule[] = [
  SecurityGroupNoOpenIngress,
  NotPubliclyAccessible,
  S3BlockPublicAccess,
  S3NoPublicAcl,
  DataSubnetNoPublicIp,
  DataTierInstanceNoPublicIp,
  DataTierLaunchTemplateNoPublicIp,
  VpcFlowLogs,
  SegmentedSubnetNetworkAcl,
  NetworkAclOpenIngress,
  EksEndpointNotPublic,
  SageMakerNoDirectInternet,
  OpenSearchRestrictedAccess,
];
