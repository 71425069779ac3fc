import * as path from 'node:path';
import { ConfigError, loadConfig, readConfigFile, validateConfig, type DppConfigInput } from '../../lib/config';

const fixture = (name: string) => path.join(__dirname, '..', 'fixtures', 'config', name);

function validEnv(overrides: Record<string, unknown> = {}) {
  return {
    account: '111111111111',
    region: 'eu-west-1',
    availabilityZones: ['eu-west-1a', 'eu-west-1b'],
    approvedCidrs: ['203.0.113.0/24'],
    alertEmail: 'security@example.com',
    ...overrides,
  };
}

function config(test: Record<string, unknown> = {}, prod: Record<string, unknown> = {}): DppConfigInput {
  return { environments: { test: validEnv(test), prod: validEnv({ account: '222222222222', ...prod }) } } as DppConfigInput;
}

/** The problem lines of a rejected configuration. */
function problems(value: unknown, origin = ''): string[] {
  try {
    validateConfig({ value, origin });
  } catch (e) {
    if (e instanceof ConfigError) return [...e.problems];
    throw e;
  }
  throw new Error('configuration was accepted');
}

describe('environment configuration', () => {
  test('a valid configuration gets its defaults', () => {
    const valid = validateConfig({ value: config(), origin: '' });
    expect(valid.environments.test).toMatchObject({ piiRetentionDays: 30, logRetentionDays: 365, applicationPort: 8443, databasePort: 5432 });
    expect(valid.environments.prod.features).toEqual({
      guardDuty: true, securityHub: true, config: true, macie: true, inspector: true, userPool: true, passwordPolicy: true, accountLockout: true,
      dataEvents: true, canaryRecords: true, readAnomalyAlarms: true, logDataProtection: true, accessAnalyzer: true, backups: true, edgeFirewall: true, dataLossAlerts: true, networkFirewall: false,
    });
  });

  test('the embedded default in cdk.json is valid and uses different placeholder accounts', () => {
    const cdkJson = require('../../cdk.json');
    const valid = loadConfig((key) => cdkJson.context[key]);
    expect(valid.environments.test.account).not.toEqual(valid.environments.prod.account);
  });

  test.each([
    ['a malformed CIDR', { approvedCidrs: ['203.0.113.0/33'] }, 'dpp.environments.test.approvedCidrs[0]: "203.0.113.0/33" is not a valid CIDR block'],
    ['0.0.0.0/0', { approvedCidrs: ['203.0.113.0/24', '0.0.0.0/0'] }, 'dpp.environments.test.approvedCidrs[1]: 0.0.0.0/0 is not allowed (DPP 2.1 Network Protection: deny unauthorised IPs)'],
    // SegmentedVpc's network ACLs take IPv4 ranges: config refuses what the construct would (one validator).
    ['::/0', { approvedCidrs: ['::/0'] }, 'dpp.environments.test.approvedCidrs[0]: ::/0 is IPv6; approved ranges are IPv4 (the segmented VPC\'s network ACLs are IPv4)'],
    ['an IPv6 range', { approvedCidrs: ['2001:db8::/48'] }, 'dpp.environments.test.approvedCidrs[0]: 2001:db8::/48 is IPv6; approved ranges are IPv4 (the segmented VPC\'s network ACLs are IPv4)'],
    ['more CIDRs than the public network ACL holds', { approvedCidrs: Array.from({ length: 18 }, (_, i) => `198.51.${i}.0/24`) }, 'dpp.environments.test.approvedCidrs: must list at most 17 CIDR blocks: the public tier\'s network ACL holds 20 entries per direction, 3 of them for NAT traffic'],
    ['a CIDR wider than /8', { approvedCidrs: ['10.0.0.0/7'] }, 'dpp.environments.test.approvedCidrs[0]: 10.0.0.0/7 is wider than /8'],
    ['a malformed account', { account: '12345' }, 'dpp.environments.test.account: must be a 12-digit AWS account ID'],
    ['an unknown region', { region: 'eu-wset-1', availabilityZones: ['eu-wset-1a'] }, 'dpp.environments.test.region: "eu-wset-1" is not a known AWS region'],
    ['an availability zone of another region', { availabilityZones: ['eu-west-1a', 'us-east-1b'] }, 'dpp.environments.test.availabilityZones[1]: "us-east-1b" is not an availability zone of eu-west-1'],
    ['no availability zone', { availabilityZones: [] }, 'dpp.environments.test.availabilityZones: must name at least one availability zone'],
    ['PII retention above 30 days without a legal basis', { piiRetentionDays: 45 }, 'dpp.environments.test.piiRetentionDays: 45 is above 30 days; set legalBasis to the law that requires it (DPP 3.1 Data Retention)'],
    ['a missing alert e-mail', { alertEmail: undefined }, 'dpp.environments.test.alertEmail: is required'],
    ['a malformed alert e-mail', { alertEmail: 'security-at-example' }, 'dpp.environments.test.alertEmail: must be an e-mail address for security alerts (DPP 2.7)'],
    ['an unknown key (typo)', { approvedCidr: ['203.0.113.0/24'] }, 'dpp.environments.test.approvedCidr: unknown key'],
    ['an unknown feature', { features: { guardduty: false } }, 'dpp.environments.test.features.guardduty: unknown key'],
    ['a feature value other than true, false or "existing"', { features: { guardDuty: 'on' } }, 'dpp.environments.test.features.guardDuty: expected true, false or "existing" (an organization administrator already runs the service), found the text "on"'],
    ['"existing" for the user pool (the baseline always owns it)', { features: { userPool: 'existing' } }, 'dpp.environments.test.features.userPool:'],
    ['an account-wide control turned off (the DPP requires it: "existing" names its owner)', { features: { passwordPolicy: false } }, 'dpp.environments.test.features.passwordPolicy: expected true or "existing" (the organization\'s StackSet sets it for the account), found the boolean false'],
    ['a lockout switch written as text', { features: { accountLockout: 'org' } }, 'dpp.environments.test.features.accountLockout: expected true or "existing"'],
    ['a data-protection feature that is neither on, off nor existing', { features: { dataEvents: 'org' } }, 'dpp.environments.test.features.dataEvents: expected true, false or "existing"'],
    ['canary records without this environment\'s data events', { features: { dataEvents: 'existing' } }, 'dpp.environments.test.features.canaryRecords: needs features.dataEvents: true'],
    ['the Network Firewall without allowed domains', { features: { networkFirewall: true } }, 'dpp.environments.test.egressAllowedDomains: must name at least one domain (an empty allowlist blocks all HTTP and TLS egress) (features.networkFirewall is true)'],
    ['an allowed egress domain that is no domain', { egressAllowedDomains: ['*.example.com'] }, 'dpp.environments.test.egressAllowedDomains[0]: "*.example.com" is not a domain name'],
    ['the Network Firewall as "existing" (the baseline builds it or not)', { features: { networkFirewall: 'existing' } }, 'dpp.environments.test.features.networkFirewall:'],
    ['log retention below 90 days', { logRetentionDays: 30 }, 'dpp.environments.test.logRetentionDays: must be at least 90 days (DPP 3.6 Logging and Monitoring, profile dpp), got 30'],
    ['equal application and database ports', { applicationPort: 5432 }, 'dpp.environments.test.databasePort: must differ from applicationPort'],
  ])('rejects %s, naming the key', (_, overrides, expected) => {
    expect(problems(config(overrides)).join('\n')).toContain(expected);
  });

  test('the data-protection features accept true, false and "existing"', () => {
    const valid = validateConfig({ value: config({ features: { dataEvents: 'existing', canaryRecords: false } }), origin: '' });
    expect(valid.environments.test.features).toMatchObject({ dataEvents: 'existing', canaryRecords: false, readAnomalyAlarms: true });
  });

  test('the Network Firewall is off by default and takes the allowed domains when on', () => {
    const valid = validateConfig({ value: config({ features: { networkFirewall: true }, egressAllowedDomains: ['.amazonaws.com', 'api.example.com'] }), origin: '' });
    expect(valid.environments.test.features.networkFirewall).toBe(true);
    expect(valid.environments.test.egressAllowedDomains).toEqual(['.amazonaws.com', 'api.example.com']);
    expect(validateConfig({ value: config(), origin: '' }).environments.test.features.networkFirewall).toBe(false);
  });

  test('rejects test and prod in the same account (DPP 3.5)', () => {
    expect(problems(config({}, { account: '111111111111' }))).toContain(
      'dpp.environments.prod.account: test and prod use the same account 111111111111; they must be separate (DPP 3.5)',
    );
  });

  test('accepts a longer PII retention with a legal basis', () => {
    expect(() => validateConfig({ value: config({ piiRetentionDays: 60, legalBasis: 'Tax law X §12' }), origin: '' })).not.toThrow();
  });

  test('rejects an environment that is neither named test or prod nor given a kind, and a missing prod kind', () => {
    const lines = problems({ environments: { test: validEnv(), staging: validEnv({ account: '444444444444' }) } });
    expect(lines).toEqual([
      'dpp.environments.staging.kind: is required for an environment not named test or prod: test or prod',
      'dpp.environments: needs at least one prod-kind environment (DPP 3.5 Secure Coding Practices: separate test and production)',
    ]);
  });

  test('reports several errors together, one line each', () => {
    const lines = problems(config({ account: 'x', approvedCidrs: ['0.0.0.0/0'] }, { alertEmail: 'nope' }));
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(lines.every((l) => !l.includes('\n'))).toBe(true);
  });

  test('prefixes problems with the file they come from, and names keys as the file writes them (no dpp. prefix)', () => {
    expect(problems(config({ account: 'x' }), 'my.yaml')[0]).toMatch(/^my\.yaml: environments\.test\.account:/);
    expect(problems({ environments: 'test' }, 'my.yaml')).toEqual(['my.yaml: environments: expected a mapping, found the text "test"']);
  });

  test.each([
    ['an unquoted account number', { account: 210987654321 }, 'dpp.environments.test.account: expected text (quote it), found the number 210987654321'],
    ['a CIDR list written as one string', { approvedCidrs: '203.0.113.0/24' }, 'dpp.environments.test.approvedCidrs: expected a list, found the text "203.0.113.0/24"'],
    ['a number written as text', { piiRetentionDays: '30' }, 'dpp.environments.test.piiRetentionDays: expected a number, found the text "30"'],
    ['a feature switch written as text', { features: { macie: 'no' } }, 'dpp.environments.test.features.macie: expected true, false or "existing" (an organization administrator already runs the service), found the text "no"'],
    ['a list where a mapping belongs', { features: [] }, 'dpp.environments.test.features: expected a mapping, found a list'],
    ['null for a required key', { region: null }, 'dpp.environments.test.region: expected text (quote it), found null'],
  ])('a value of the wrong type (%s) says what was expected and what was found', (_, overrides, expected) => {
    expect(problems(config(overrides))).toContain(expected);
  });
});

describe('configuration files', () => {
  const context = (file: string) => (key: string) => (key === 'dppConfigFile' ? file : undefined);

  test('reads a valid YAML file', () => {
    const valid = loadConfig(context(fixture('valid.yaml')));
    expect(valid.environments.prod).toMatchObject({ piiRetentionDays: 60, approvedCidrs: ['192.0.2.0/24', '198.51.100.0/24'] });
    expect(valid.environments.prod.features.macie).toBe(false);
  });

  test('reads a valid JSON file', () => {
    expect(loadConfig(context(fixture('valid.json'))).environments.test.region).toBe('eu-central-1');
  });

  test.each([
    ['broken.yaml', /broken\.yaml:\d+:\d+: not valid YAML \(Flow sequence/],
    ['broken.json', /broken\.json:3:\d+: not valid JSON/],
    ['missing.yaml', /dppConfigFile=.*missing\.yaml: file not found/],
    ['alias-bomb.yaml', /alias-bomb\.yaml: cannot be read as configuration .*alias/i],
  ])('rejects %s with one line naming the file and where', (name, expected) => {
    expect(() => readConfigFile(fixture(name))).toThrow(expected);
    try {
      readConfigFile(fixture(name));
    } catch (e) {
      expect((e as ConfigError).problems).toHaveLength(1);
    }
  });

  test('rejects a directory given as the config file', () => {
    expect(() => readConfigFile(path.join(__dirname, '..', 'fixtures'))).toThrow(/not a regular file/);
  });

  test('with no configuration at all, says how to give one', () => {
    expect(() => loadConfig(() => undefined)).toThrow(/add the "dpp" key to cdk.json context or pass -c dppConfigFile=PATH/);
  });
});

describe('any number of environments (issue 17)', () => {
  const four = () => ({
    environments: {
      dev: validEnv({ kind: 'test', account: '333333333333' }),
      staging: validEnv({ kind: 'test', account: '444444444444' }),
      'prod-eu': validEnv({ kind: 'prod', account: '555555555555' }),
      'prod-us': validEnv({ kind: 'prod', account: '666666666666', region: 'us-east-2', availabilityZones: ['us-east-2a', 'us-east-2b'] }),
    },
  });

  test('takes any names, in the order given, each with its kind', () => {
    const valid = validateConfig({ value: four(), origin: '' });
    expect(Object.keys(valid.environments)).toEqual(['dev', 'staging', 'prod-eu', 'prod-us']);
    expect(Object.values(valid.environments).map((e) => e.kind)).toEqual(['test', 'test', 'prod', 'prod']);
  });

  test('an environment named test or prod defaults its kind to its name; another kind may be given', () => {
    expect(validateConfig({ value: config(), origin: '' }).environments.prod.kind).toBe('prod');
    const explicit = { environments: { test: validEnv({ kind: 'test' }), prod: validEnv({ account: '222222222222' }), qa: validEnv({ kind: 'test', account: '333333333333' }) } };
    expect(validateConfig({ value: explicit, origin: '' }).environments.qa.kind).toBe('test');
  });

  test.each([
    ['a kind other than test or prod', { 'prod-eu': validEnv({ kind: 'production', account: '555555555555' }) }, 'dpp.environments.prod-eu.kind: expected test or prod, found the text "production"'],
    ['a name unfit for stack names and identifiers', { Prod_EU: validEnv({ kind: 'prod', account: '555555555555' }) }, 'dpp.environments.Prod_EU: is not a valid environment name: lowercase letters, digits and single hyphens, starting with a letter, at most 20 characters'],
    ['a prod-kind environment in a test-kind one\'s account', { 'prod-eu': validEnv({ kind: 'prod', account: '333333333333' }) }, 'dpp.environments.prod-eu.account: dev and prod-eu use the same account 333333333333; they must be separate (DPP 3.5)'],
    ['two environments of one kind in one account', { 'prod-eu': validEnv({ kind: 'prod', account: '666666666666' }) }, 'dpp.environments.prod-us.account: prod-eu and prod-us use the same account 666666666666; each environment needs an account of its own'],
  ])('rejects %s, naming the key', (_, change, expected) => {
    const value = four();
    Object.assign(value.environments, change);
    expect(problems(value).join('\n')).toContain(expected);
  });

  test('reports a shared account together with an environment\'s own errors', () => {
    const value = four();
    value.environments.staging = validEnv({ kind: 'test', account: '555555555555', alertEmail: 'nope' });
    expect(problems(value)).toEqual(expect.arrayContaining([
      'dpp.environments.staging.alertEmail: must be an e-mail address for security alerts (DPP 2.7)',
      'dpp.environments.prod-eu.account: staging and prod-eu use the same account 555555555555; they must be separate (DPP 3.5)',
    ]));
  });

  test.each([
    ['a connection ARN of another service', { connectionArn: 'arn:aws:codecommit:eu-west-1:999999999999:repo' }, 'dpp.pipeline.connectionArn: must be the ARN of a CodeConnections connection'],
    ['a repository without its owner', { repository: 'platform' }, 'dpp.pipeline.repository: must be owner/name of the repository behind the connection'],
    ['an unknown pipeline key', { branches: ['main'] }, 'dpp.pipeline.branches: unknown key'],
  ])('rejects a pipeline with %s, naming the key', (_, change, expected) => {
    const pipeline = { account: '999999999999', region: 'eu-west-1', repository: 'acme/platform', connectionArn: 'arn:aws:codeconnections:eu-west-1:999999999999:connection/0123abcd', ...change };
    expect(problems({ ...four(), pipeline }).join('\n')).toContain(expected);
  });

  test('rejects a pipeline in a test-kind environment\'s account (it deploys to prod)', () => {
    const pipeline = { account: '333333333333', region: 'eu-west-1', repository: 'acme/platform', connectionArn: 'arn:aws:codeconnections:eu-west-1:333333333333:connection/0123abcd' };
    expect(problems({ ...four(), pipeline })).toEqual(['dpp.pipeline.account: is test-kind environment dev\'s account; the pipeline deploys to prod, so it runs in an account of its own or a prod-kind one (DPP 3.5)']);
  });

  test('rejects an environment named after the pipeline\'s stacks', () => {
    const value = four();
    Object.assign(value.environments, { pipeline: validEnv({ kind: 'test', account: '777777777777' }) });
    expect(problems(value)).toEqual(['dpp.environments.pipeline: is reserved: the delivery pipeline\'s and the organization\'s stacks are named DppBaseline-pipeline… and DppBaseline-organization']);
  });

  test.each([
    ['an organizational unit ID of another shape', { organizationalUnitIds: ['ou-1'] }, 'dpp.organization.organizationalUnitIds[0]: must be an organizational unit ID'],
    ['no region', { regions: [] }, 'dpp.organization.regions: must name at least one region'],
    ['an unknown callAs', { callAs: 'ADMIN' }, 'dpp.organization.callAs: expected DELEGATED_ADMIN or SELF, found the text "ADMIN"'],
  ])('rejects an organization with %s, naming the key', (_, change, expected) => {
    const organization = { account: '999999999999', region: 'eu-west-1', organizationalUnitIds: ['ou-ab12-11111111'], regions: ['eu-west-1'], ...change };
    expect(problems({ ...four(), organization }).join('\n')).toContain(expected);
  });
});

describe('organization (issue 17)', () => {
  const organization = { account: '999999999999', region: 'eu-west-1', organizationalUnitIds: ['ou-ab12-11111111'], regions: ['eu-west-1'] };
  test('the account-wide controls default on; homeRegion and signInRegions are optional', () => {
    const valid = validateConfig({ value: { ...config(), organization }, origin: '' });
    expect(valid.organization).toMatchObject({ passwordPolicy: true, accountLockout: true });
    expect(valid.organization?.homeRegion).toBeUndefined();
  });

  test.each([
    ['a homeRegion that is not a region', { homeRegion: 'Ireland' }, 'dpp.organization.homeRegion:'],
    ['an empty signInRegions', { signInRegions: [] }, 'dpp.organization.signInRegions: must name at least one region'],
    ['a passwordPolicy switch written as text', { passwordPolicy: 'yes' }, 'dpp.organization.passwordPolicy: expected true or false, found the text "yes"'],
  ])('rejects %s', (_what, extra, message) => {
    expect(problems({ ...config(), organization: { ...organization, ...extra } }).join('\n')).toContain(message);
  });
});
