import * as path from 'node:path';
import { BUILT_IN_VALUES, copyRegionProblem, DPP, DPP_2025, looseningOf, PolicyError, profileFromObject, readProfileFile, resolveProfile, THRESHOLD_KEYS, THRESHOLDS } from '../../lib/policy';

const FIXTURES = path.join(__dirname, '../fixtures/policy');

function problems(fn: () => unknown): readonly string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof PolicyError) return e.problems;
    throw e;
  }
  throw new Error('expected a PolicyError');
}

describe('the built-in profiles', () => {
  test('every threshold names its clause and has a value in every profile', () => {
    for (const key of THRESHOLD_KEYS) {
      expect(THRESHOLDS[key].clause).toMatch(/^[23]\.[1-9]$/);
      for (const values of Object.values(BUILT_IN_VALUES)) expect(key in values).toBe(true);
    }
  });

  test('dpp-2025 only tightens dpp', () => {
    for (const key of THRESHOLD_KEYS) expect([key, looseningOf(key, DPP_2025.values[key], DPP.values[key])]).toEqual([key, undefined]);
  });

  test('dpp is the policy as written (policy.txt)', () => {
    expect(DPP.values).toMatchObject({ passwordMinLength: 12, passwordMaxAgeDays: 365, passwordMinAgeDays: 1, logRetentionDays: 90, piiRetentionDays: 30, liveCopiesDeletionDays: 90, deletionRequestDays: 30, rsaKeyMinBits: 2048, symmetricKeyMinBits: 128, vulnerabilityScanDays: 180, penetrationTestDays: 365, incidentNotificationHours: 24, leaverRemovalHours: 24, nonPiiRetentionLevel: 'off', backupSecondRegionLevel: 'off' });
  });

  test('dpp-2025 is the 2025 revision (CONTROLS.md "Policy profiles")', () => {
    expect(DPP_2025.values).toMatchObject({ lockoutMaxAttempts: 10, passwordReusePrevention: 10, logRetentionDays: 365, nonPiiRetentionLevel: 'error', criticalFixDays: 7, highFixDays: 30, backupSecondRegionLevel: 'error', antiMalwareTamperProtection: true, incidentContactRequired: true });
  });
});

describe('a team profile file', () => {
  test('extends a built-in and tightens it', () => {
    const acme = readProfileFile(path.join(FIXTURES, 'acme-strict.yaml'));
    expect(acme).toMatchObject({ name: 'acme-strict', base: 'dpp-2025' });
    expect(acme.values.logRetentionDays).toBe(400);
    expect(acme.values.nonPiiRetentionDays).toBe(365);
    expect(acme.values.passwordReusePrevention).toBe(10);
  });

  test('JSON works the same, named after the file by default', () => {
    const profile = resolveProfile(path.join(FIXTURES, 'tighter-dpp.json'));
    expect(profile).toMatchObject({ name: 'tighter-dpp', base: 'dpp' });
    expect(profile.values).toMatchObject({ passwordMinLength: 14, backupSecondRegionLevel: 'warning' });
  });

  test('a loosening value is refused with one line naming the key, the value and the base bound', () => {
    const file = path.join(FIXTURES, 'loosening.yaml');
    expect(problems(() => resolveProfile(file, '--profile'))).toEqual([
      `--profile ${file}: thresholds.logRetentionDays: 180 days loosens dpp-2025, which requires at least 365 days; a profile may only tighten its base`,
    ]);
  });

  test.each([
    ['a level lowered', { extends: 'dpp-2025', thresholds: { nonPiiRetentionLevel: 'warning' } }, 'x: thresholds.nonPiiRetentionLevel: warning loosens dpp-2025, which requires level error or stricter; a profile may only tighten its base'],
    ['a maximum raised', { extends: 'dpp', thresholds: { piiRetentionDays: 45 } }, 'x: thresholds.piiRetentionDays: 45 days loosens dpp, which requires at most 30 days; a profile may only tighten its base'],
    ['a flag dropped', { extends: 'dpp-2025', thresholds: { incidentContactRequired: false } }, 'x: thresholds.incidentContactRequired: not required loosens dpp-2025, which requires it (true); a profile may only tighten its base'],
    ['an unknown threshold', { extends: 'dpp', thresholds: { logRetentionDay: 400 } }, 'x: thresholds.logRetentionDay: unknown threshold (see README "Policy profiles")'],
    ['a wrong type', { extends: 'dpp', thresholds: { logRetentionDays: '400' } }, 'x: thresholds.logRetentionDays: "400" must be a number'],
    ['an impossible value', { extends: 'dpp', thresholds: { passwordReusePrevention: 30 } }, 'x: thresholds.passwordReusePrevention: 30 must be from 1 to 24 passwords'],
    ['no base', { thresholds: {} }, 'x: extends: is required (one of dpp, dpp-2025)'],
    ['an unknown base', { extends: 'dpp-2030' }, 'x: extends: "dpp-2030" is not a built-in profile (one of dpp, dpp-2025)'],
    ['an unknown key', { extends: 'dpp', threshold: {} }, 'x: threshold: unknown key (expected name, extends, thresholds)'],
    ['a built-in name', { name: 'dpp-2025', extends: 'dpp-2025', thresholds: { logRetentionDays: 400 } }, 'x: name: dpp-2025 is a built-in profile\'s name; give the team profile its own'],
  ])('refuses %s in one line', (_, raw, line) => {
    expect(problems(() => profileFromObject(raw, 'x', 'x'))).toEqual([line]);
  });

  test('a missing file or unknown name is one line', () => {
    expect(problems(() => resolveProfile('dpp-2099', '--profile'))).toEqual(['--profile dpp-2099: not a built-in profile (dpp, dpp-2025) and no such file']);
  });

  test('a tightened value may equal the base (not looser is enough)', () => {
    expect(profileFromObject({ extends: 'dpp-2025', thresholds: { logRetentionDays: 365 } }, 'x', 'x').values.logRetentionDays).toBe(365);
  });
});

describe('the copyRegion hook of the backup construct', () => {
  test('is required where the profile asks for a second-region copy, and must be another region', () => {
    expect(copyRegionProblem(undefined, 'eu-west-1', DPP)).toBeUndefined();
    expect(copyRegionProblem(undefined, 'eu-west-1', DPP_2025)).toBe('is required by profile dpp-2025: name a second region for the backup copy (DPP 3.7 Vulnerability Management)');
    expect(copyRegionProblem('eu-west-1', 'eu-west-1', DPP_2025)).toMatch(/must differ from the stack's region eu-west-1/);
    expect(copyRegionProblem('eu-central-1', 'eu-west-1', DPP_2025)).toBeUndefined();
    expect(copyRegionProblem('Frankfurt', 'eu-west-1', DPP_2025)).toBe('"Frankfurt" is not a region name');
  });
});
