import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App } from 'aws-cdk-lib';
import { buildAccountControlsIntegApp } from './account-controls-integ';
import { buildIntegApp, SNAPSHOT_TARGET } from './baseline-integ';

/**
 * Each integration test's snapshot, checked offline with no credentials: the templates `npm run
 * integ` deploys (baseline, probes, assertions), synthesized for the placeholder account, must
 * match the committed ones in `integ.<case>.js.snapshot/` (integ-runner's layout). After an
 * intended change, review the diff and update them with `DPP_UPDATE_INTEG_SNAPSHOT=1 npx jest test/integ`.
 */
const update = process.env.DPP_UPDATE_INTEG_SNAPSHOT === '1';

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

/** Each integration test app, the builder of its stacks and the stacks it deploys. */
const CASES = [
  { name: 'baseline', build: buildIntegApp, stacks: ['DppInteg-test', 'DppInteg-probe', 'DppInteg-assertions'] },
  { name: 'account-controls', build: buildAccountControlsIntegApp, stacks: ['DppInteg-account-controls', 'DppInteg-account-controls-probe', 'DppInteg-account-controls-assertions'] },
];

describe.each(CASES)('the $name integration test', ({ name, build, stacks }) => {
  const snapshotDir = path.join(__dirname, `integ.${name}.js.snapshot`);
  let templates: Record<string, unknown>;

  beforeAll(() => {
    // Handlers are not bundled here: their code is covered by test/handlers, and the snapshot stays stable across esbuild versions.
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'dpp-integ-')), context: { 'aws:cdk:bundling-stacks': [] } });
    build(app, SNAPSHOT_TARGET);
    const assembly = app.synth();
    templates = Object.fromEntries(assembly.stacks.map((s) => [`${s.stackName}.template.json`, withoutSalt(s.template)]));
    if (update) {
      fs.rmSync(snapshotDir, { recursive: true, force: true });
      fs.mkdirSync(snapshotDir, { recursive: true });
      for (const [file, template] of Object.entries(templates)) fs.writeFileSync(path.join(snapshotDir, file), `${JSON.stringify(template, null, 1)}\n`);
    }
  });

  test('the snapshot holds the tested, probe and assertion stacks', () => {
    expect(fs.readdirSync(snapshotDir).sort()).toEqual(Object.keys(templates).sort());
    expect(Object.keys(templates).sort()).toEqual(stacks.map((s) => `${s}.template.json`).sort());
  });

  test.each(stacks)('%s matches its snapshot (DPP_UPDATE_INTEG_SNAPSHOT=1 to update after review)', (stack) => {
    const file = `${stack}.template.json`;
    expect(templates[file]).toEqual(JSON.parse(fs.readFileSync(path.join(snapshotDir, file), 'utf8')));
  });
});
