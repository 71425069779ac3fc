import { requireOneOf } from '../../assert';
import { resourceRule } from '../../types';

export const CognitoMfaRequired = resourceRule({
  id: 'DPP-2.4-CognitoMfaRequired',
  clause: '2.4',
  level: 'error',
  resourceTypes: ['AWS::Cognito::UserPool'],
  description: 'Cognito user pools require MFA for every user (MfaConfiguration: ON)',
  fix: 'Set MfaConfiguration: ON with software-token (or SMS/email) MFA enabled',
  explanation: 'DPP 2.4 Credential Management requires Multi-Factor Authentication for all user accounts; OPTIONAL leaves it to each user.',
  check: (ctx) => requireOneOf(ctx, 'MfaConfiguration', ['ON'], (mode) => `MFA is ${mode === undefined ? 'off (MfaConfiguration not set)' : `${String(mode)}, not ON`}`),
});
