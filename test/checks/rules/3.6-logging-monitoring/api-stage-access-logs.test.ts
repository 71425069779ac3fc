import { ApiStageAccessLogs } from '../../../../lib/checks/rules/3.6-logging-monitoring/api-stage-access-logs';
import { findingsOf, parameters } from '../../../helpers/check';
import { describePropertyRule, expectOneFailure, expectOneUnresolvable } from '../../../helpers/rule-expectations';

const LOG_GROUP = 'arn:aws:logs:eu-west-1:111111111111:log-group:api-access';

describePropertyRule(ApiStageAccessLogs, 'AWS::ApiGateway::Stage', 'AccessLogSetting.DestinationArn', { good: LOG_GROUP, bad: undefined }, /stage does not log access/);
describePropertyRule(ApiStageAccessLogs, 'AWS::ApiGatewayV2::Stage', 'AccessLogSettings.DestinationArn', { good: LOG_GROUP, bad: undefined }, /stage does not log access/);

describe('DPP-3.6-ApiStageAccessLogs on deployments', () => {
  test('ignores a deployment that creates no stage', () => {
    expect(findingsOf(ApiStageAccessLogs, { D: { Type: 'AWS::ApiGateway::Deployment', Properties: { RestApiId: 'a' } } })).toEqual([]);
  });

  test('fails a deployment whose stage does not log access', () => {
    expectOneFailure(findingsOf(ApiStageAccessLogs, { D: { Type: 'AWS::ApiGateway::Deployment', Properties: { RestApiId: 'a', StageName: 'prod' } } }), ApiStageAccessLogs, 'D', /stage does not log access/);
  });

  test('warns when the stage description is a parameter-driven Fn::If', () => {
    const d = { D: { Type: 'AWS::ApiGateway::Deployment', Properties: { StageName: 'prod', StageDescription: { 'Fn::If': ['C', {}, { Ref: 'P' }] } } } };
    expectOneUnresolvable(findingsOf(ApiStageAccessLogs, d, parameters('P')), 'StageDescription.AccessLogSetting.DestinationArn');
  });
});
