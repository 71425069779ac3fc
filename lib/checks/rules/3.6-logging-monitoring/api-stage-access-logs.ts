import { requirePresent } from '../../assert';
import { resourceRule } from '../../types';

/** Where each type says where its access logs go. */
const DESTINATION: Readonly<Record<string, string>> = {
  'AWS::ApiGateway::Stage': 'AccessLogSetting.DestinationArn',
  'AWS::ApiGatewayV2::Stage': 'AccessLogSettings.DestinationArn',
  // A deployment with a StageName creates that stage, configured by StageDescription.
  'AWS::ApiGateway::Deployment': 'StageDescription.AccessLogSetting.DestinationArn',
};

export const ApiStageAccessLogs = resourceRule({
  id: 'DPP-3.6-ApiStageAccessLogs',
  clause: '3.6',
  level: 'error',
  resourceTypes: Object.keys(DESTINATION),
  description: 'API Gateway stages log access',
  fix: 'Set the stage\'s access log destination (AccessLogSetting / AccessLogSettings DestinationArn) to a log group — CDK: deployOptions.accessLogDestination',
  explanation: 'DPP 3.6 Logging and Monitoring requires logging access attempts, with date, time and outcome, on every service API channel that reaches Information.',
  check: (ctx) => {
    if (ctx.type === 'AWS::ApiGateway::Deployment' && ctx.prop('StageName').kind === 'absent') return undefined;
    return requirePresent(ctx, DESTINATION[ctx.type], 'stage does not log access (no access log destination)');
  },
});
