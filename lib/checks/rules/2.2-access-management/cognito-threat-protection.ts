import { requireOneOf } from '../../assert';
import { resourceRule, type Verdict } from '../../types';

export const CognitoThreatProtection = resourceRule({
  id: 'DPP-2.2-CognitoThreatProtection',
  clause: '2.2',
  level: 'error',
  resourceTypes: ['AWS::Cognito::UserPool'],
  description: 'Cognito user pools enforce threat protection (UserPoolAddOns.AdvancedSecurityMode ENFORCED, on the Plus feature plan)',
  fix: 'Set UserPoolTier: PLUS and UserPoolAddOns.AdvancedSecurityMode: ENFORCED (CDK: featurePlan PLUS, standardThreatProtectionMode FULL_FUNCTION)',
  explanation: 'DPP 2.2 Access Management requires account lockout on anomalous usage and log-in attempts; Cognito threat protection in enforced mode blocks risky and compromised-credential sign-ins.',
  check: (ctx) => [
    requireOneOf(ctx, 'UserPoolAddOns.AdvancedSecurityMode', ['ENFORCED'], (mode) => mode === undefined ? 'threat protection is not enabled (no UserPoolAddOns.AdvancedSecurityMode)' : `threat protection is ${String(mode)}, not ENFORCED`),
    // Threat protection exists only on the Plus plan; without UserPoolTier the pool is on Essentials.
    requireOneOf(ctx, 'UserPoolTier', ['PLUS'], (tier) => `the user pool is on the ${tier === undefined ? 'default (ESSENTIALS)' : String(tier)} feature plan, which has no threat protection`),
  ].filter((v): v is Verdict => v !== undefined),
});
