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
