import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { rules } from '../../../../lib/checks/rules/2.3-least-privilege';
import type { CfnTemplate } from '../../../../lib/checks/template';
import { check } from '../../../helpers/check';

describe('DPP 2.3 rules on a CDK-synthesized stack', () => {
  test('accept CDK\'s key policy and grants, and reject AdministratorAccess', () => {
    const stack = new Stack(new App(), 'Stack');
    const key = new kms.Key(stack, 'Key');
    const bucket = new s3.Bucket(stack, 'Bucket', { encryptionKey: key });
    const app = new iam.Role(stack, 'App', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    bucket.grantReadWrite(app);
    new iam.Role(stack, 'Admin', { assumedBy: new iam.AccountRootPrincipal(), managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AdministratorAccess')] });

    const findings = check(Template.fromStack(stack).toJSON() as CfnTemplate, rules);

    expect(findings.map((f) => `${f.ruleId} ${f.level} ${f.logicalId}`)).toEqual([expect.stringMatching(/^DPP-2\.3-NoAdminManagedPolicy error Admin/)]);
  });
});
