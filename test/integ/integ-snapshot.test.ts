import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App } from 'aws-cdk-lib';
import { buildIntegApp, SNAPSHOT_TARGET } from './baseline-integ';

/**
 * The integration test's snapshot, checked offline with no credentials: the templates `npm run
 * integ` deploys (baseline, probes, assertions), synthesized for the placeholder account, must
 * match the committed ones in `integ.baseline.js.snapshot/` (integ-runner's layout). After an
 * intended change, review the diff and update them with `DPP_UPDATE_INTEG_SNAPSHOT=1 npx jest test/integ`.
 */
const SNAPSHOT_DIR = path.join(__dirname, 'integ.baseline.js.snapshot');
const update = process.env.DPP_UPDATE_INTEG_SNAPSHOT === '1';

let templates: Record<string, unknown>;

/** An asset's content hash, as it appears in S3 keys: the hash of unbundled handler sources covers the checkout's files, so it differs between clones. */
const ASSET_HASH = /\b[0-9a-f]{64}(?=\.(?:zip|json)\b)/g;

/**
 * What does not describe the deployed resources, left out of the comparison (as integ-runner
 * leaves asset hashes out): the `salt` of assertion resources (the synth time, so they run on
 * every deploy) and asset hashes.
 */
function withoutSalt(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(ASSET_HASH, '<asset hash>');
  if (Array.isArray(value)) return value.map(withoutSalt);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'salt' ? '<synth time>' : withoutSalt(v)]));
  return value;
}

beforeAll(() => {
  // Handlers are not bundled here: their code is covered by test/handlers, and the snapshot stays stable across esbuild versions.
  const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'dpp-integ-')), context: { 'aws:cdk:bundling-stacks': [] } });
  buildIntegApp(app, SNAPSHOT_TARGET);
  const assembly = app.synth();
  templates = Object.fromEntries(assembly.stacks.map((s) => [`${s.stackName}.template.json`, withoutSalt(s.template)]));
  if (update) {
    fs.rmSync(SNAPSHOT_DIR, { recursive: true, force: true });
    fs.mkdirSync(SNAPSHOT_DIR, { recursive: true });
    for (const [file, template] of Object.entries(templates)) fs.writeFileSync(path.join(SNAPSHOT_DIR, file), `${JSON.stringify(template, null, 1)}\n`);
  }
});

test('the snapshot holds the baseline, probe and assertion stacks', () => {
  expect(fs.readdirSync(SNAPSHOT_DIR).sort()).toEqual(Object.keys(templates).sort());
  expect(Object.keys(templates).sort()).toEqual(['DppInteg-assertions.template.json', 'DppInteg-probe.template.json', 'DppInteg-test.template.json']);
});

test.each(['DppInteg-test', 'DppInteg-probe', 'DppInteg-assertions'])('%s matches its snapshot (DPP_UPDATE_INTEG_SNAPSHOT=1 to update after review)', (stack) => {
  const file = `${stack}.template.json`;
  expect(templates[file]).toEqual(JSON.parse(fs.readFileSync(path.join(SNAPSHOT_DIR, file), 'utf8')));
});
