import { requireOneOf } from '../../assert';
import { resourceRule } from '../../types';

// AWS::SageMaker::NotebookInstance DirectInternetAccess: "Enabled" or "Disabled"; Enabled when
// unset (CloudFormation resource reference, AWS::SageMaker::NotebookInstance).
export const SageMakerNoDirectInternet = resourceRule({
  id: 'DPP-2.1-SageMakerNoDirectInternet',
  clause: '2.1',
  level: 'error',
  resourceTypes: ['AWS::SageMaker::NotebookInstance'],
  description: 'SageMaker notebook instances have no direct internet access (DirectInternetAccess: Disabled)',
  fix: 'Set DirectInternetAccess: Disabled and give the notebook a SubnetId in a private tier (internet access, if needed, through the VPC\'s NAT and its controls)',
  explanation: 'DPP 2.1 Network Protection requires firewalls that deny unauthorised traffic and network segmentation; a notebook with direct internet access bypasses the VPC\'s ACLs and security groups.',
  check: (ctx) => requireOneOf(ctx, 'DirectInternetAccess', ['Disabled'], (actual) => `DirectInternetAccess is ${actual === undefined ? 'not set, so SageMaker gives the notebook direct internet access' : String(actual)}`),
});
