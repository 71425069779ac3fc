import { failedAssertions } from '../../scripts/integ';

// `npm run integ` passes only if every assertion output of the deploy reports success.
test('reads the assertion results of the deploy outputs: failures, unreadable values and only AssertionResults outputs', () => {
  expect(failedAssertions({
    'DppInteg-assertions': {
      AssertionResultsAwsApiCallIAMgetAccountPasswordPolicyabc: '{"status":"success"}',
      AssertionResultsAwsApiCallCloudTrailgetTrailStatusdef: '{"status":"fail","message":"Expected true but received false at /IsLogging"}',
      AssertionResultsBroken: 'not json',
      SomeOtherOutput: 'whatever',
    },
    'DppInteg-test': { VpcId: 'vpc-1' },
  })).toEqual([
    'DppInteg-assertions AssertionResultsAwsApiCallCloudTrailgetTrailStatusdef: Expected true but received false at /IsLogging',
    'DppInteg-assertions AssertionResultsBroken: unreadable result "not json"',
  ]);
  expect(failedAssertions({ 'DppInteg-assertions': { AssertionResultsX: '{"status":"success"}' } })).toEqual([]);
});
