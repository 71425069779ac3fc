import { SageMakerNoDirectInternet } from '../../../../lib/checks/rules/2.1-network-protection/sagemaker-no-direct-internet';
import { findingsOf, parameters } from '../../../helpers/check';

const notebook = (props: Record<string, unknown>) => findingsOf(SageMakerNoDirectInternet, { Notebook: { Type: 'AWS::SageMaker::NotebookInstance', Properties: { InstanceType: 'ml.t3.medium', RoleArn: 'arn:aws:iam::111111111111:role/sm', ...props } } }, parameters('Access'));

describe('DPP-2.1-SageMakerNoDirectInternet', () => {
  test('passes DirectInternetAccess: Disabled', () => expect(notebook({ DirectInternetAccess: 'Disabled', SubnetId: 'subnet-1' })).toEqual([]));
  test('fails when unset (SageMaker enables it) or Enabled', () => {
    expect(notebook({})).toEqual([expect.objectContaining({ level: 'error', message: expect.stringMatching(/not set, so SageMaker gives the notebook direct internet access/) })]);
    expect(notebook({ DirectInternetAccess: 'Enabled' })).toEqual([expect.objectContaining({ level: 'error' })]);
  });
  test('warns when given by a parameter or Fn::If', () => {
    expect(notebook({ DirectInternetAccess: { Ref: 'Access' } })).toEqual([expect.objectContaining({ level: 'warning' })]);
    expect(notebook({ DirectInternetAccess: { 'Fn::If': ['Prod', 'Disabled', 'Enabled'] } })).toEqual([expect.objectContaining({ level: 'warning' })]);
  });
});
