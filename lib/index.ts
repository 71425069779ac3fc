/**
 * dpp-baseline: constructs that provision the DPP controls, the rule pack that asserts them at
 * synth time, and the pieces the `dpp` command line is built from.
 */
export * from '../constructs';
export * from './config';
export * from './checks';
export { BaselineStack, type BaselineStackProps } from './baseline/baseline-stack';
export { buildBaselineApp, baselineStackName, ENVIRONMENTS } from './app';
export * from './policy';
export { OrganizationControlsStack, organizationRegions, type OrganizationControlsStackProps, type OrganizationRegions } from './organization/organization-controls-stack';
export { AccountControlsStack, type AccountControlsStackProps } from './organization/account-controls-stack';
export { SignInForwardingStack, type SignInForwardingStackProps } from './organization/sign-in-forwarding-stack';
export { OrganizationDetectiveServicesStack, type OrganizationDetectiveServicesStackProps } from './organization/detective-services-stack';
export { stackSetTemplate, assetReferences, STACK_SET_LIMITS } from './organization/stack-set-template';
