import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App } from 'aws-cdk-lib';
import { buildBaselineApp } from '../../lib/app';
import { dpp } from './run-cli';

const root = path.join(__dirname, '..', '..');
const cdkJson = JSON.parse(fs.readFileSync(path.join(root, 'cdk.json'), 'utf8'));

describe('the default app\'s cloud assembly', () => {
  let outdir: string;

  beforeAll(() => {
    // Synthesized in-process (npx cdk synth is slower); bundling of Lambda handlers does not change what the checks see.
    outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'dpp-cdk-out-'));
    const app = new App({ outdir, context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [] } });
    buildBaselineApp(app);
    app.synth();
  });

  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

  test('passes dpp check: no unacknowledged error', async () => {
    const run = await dpp('check', outdir, '--format', 'json');
    const json = JSON.parse(run.stdout);
    const errors = json.findings.filter((f: { level: string; acknowledged: boolean }) => f.level === 'error' && !f.acknowledged);
    expect(errors).toEqual([]);
    expect(json.summary.templates).toBeGreaterThanOrEqual(2);
    expect(run.code).toBe(0);
  });

  test('every acknowledgment in the templates has a reason', async () => {
    const run = await dpp('check', outdir, '--format', 'json');
    const reasonless = JSON.parse(run.stdout).errors.filter((e: { message: string }) => e.message.includes('has no reason'));
    expect(reasonless).toEqual([]);
  });

  test('dpp evidence: the pack passes, and the incident runbook names the alert e-mails, the trails and the lockout', async () => {
    const pack = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dpp-evidence-app-')), 'pack');
    try {
      const run = await dpp('evidence', outdir, '--output', pack);
      expect(run.code).toBe(0);
      expect(fs.readFileSync(path.join(pack, 'index.html'), 'utf8')).toContain('<p class="verdict v-pass" role="status"><strong>Passes</strong>');
      const runbook = fs.readFileSync(path.join(pack, 'documents', '2.7-incident-response.md'), 'utf8');
      for (const environment of Object.values(cdkJson.context.dpp.environments) as Array<{ alertEmail: string }>) {
        expect(runbook).toContain(`email: ${environment.alertEmail}`);
      }
      expect(runbook).toMatch(/\| DppBaseline-prod \/ \w+ \| yes \| yes \| \w+/);
      expect(runbook).toMatch(/\| DppBaseline-prod \/ \w+ \| 5 \| 15 \| deny-all-policy \|/);
      const vulnerability = fs.readFileSync(path.join(pack, 'documents', '3.7-vulnerability-management.md'), 'utf8');
      expect(vulnerability).toContain('| Amazon Inspector | DppBaseline-prod /');
      const deletion = fs.readFileSync(path.join(pack, 'documents', '2.8-deletion.md'), 'utf8');
      expect(deletion).toMatch(/\| DppBaseline-prod \| prod \| \w+ \| AWS::S3::Bucket \| pii \|/);
    } finally {
      fs.rmSync(path.dirname(pack), { recursive: true, force: true });
    }
  });
});
