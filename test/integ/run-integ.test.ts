import { failedAssertions, parseArgs } from '../../scripts/integ';

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

test('the command line: the integration test case, the profile, --keep; a bad flag is one line naming it', () => {
  expect(parseArgs([])).toEqual({ integCase: 'baseline', keep: false });
  expect(parseArgs(['--case', 'account-controls', '--profile', 'sandbox', '--keep'])).toEqual({ integCase: 'account-controls', profile: 'sandbox', keep: true });
  expect(parseArgs(['--case', 'org'])).toEqual({ problem: '--case must be one of baseline, account-controls, got "org"' });
  expect(parseArgs(['--profile'])).toEqual({ problem: '--profile needs a profile name' });
  expect(parseArgs(['--fast'])).toEqual({ problem: 'unknown argument "--fast"' });
});
