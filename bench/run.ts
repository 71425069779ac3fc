/**
 * `npm run bench`: how much the DPP checks cost, side by side with a bare synth, cdk-nag's
 * AwsSolutionsChecks, `dpp check` as a whole process, and cfn-guard with the Control Tower rules.
 *
 * For each app size the variants alternate run by run (so drift on the machine hits all of them
 * alike) and the median of the runs is reported. Each synth runs in its own process.
 *
 * Then org scale: `dpp check` over 1,000, 2,500 and 10,000 templates (cloud assemblies of the
 * default app, and the same templates loose), one process each, time and peak RSS, beside a
 * baseline of 100 templates; `--baseline-dist DIR` also runs another build (e.g. the one
 * before streaming) for comparison.
 *
 * Options: --sizes 500,2000,4000 (resources, approximate) --runs 3 --skip awssolutions,cfnguard,synth,org
 * --templates 100,1000,2500,10000 --shapes assemblies,templates,tagged --jobs 1,2 --baseline-dist DIR --baseline-max 2500
 * --loose-max 10000 (loose templates that carry dpp:environment are compared by the app rules, so
 * dpp holds a digest of each until they have run; `tagged` spreads them over four environments)
 * Writes bench/results/latest.json (and bench/results/org-latest.json) and prints tables.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeCorpus } from './org-corpus';
import { RESOURCES_PER_UNIT } from './workload';

interface Options {
  sizes: number[];
  runs: number;
  skip: Set<string>;
  templates: number[];
  shapes: Array<'assemblies' | 'templates' | 'tagged'>;
  jobs: number[];
  baselineDist?: string;
  baselineMax: number;
  looseMax: number;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { sizes: [500, 2000, 4000], runs: 3, skip: new Set(), templates: [100, 1000, 2500, 10000], shapes: ['assemblies', 'templates', 'tagged'], jobs: [1, 2], baselineMax: 2500, looseMax: 10_000 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (flag === '--sizes') options.sizes = value.split(',').map(Number);
    else if (flag === '--runs') options.runs = Number(value);
    else if (flag === '--skip') options.skip = new Set(value.split(','));
    else if (flag === '--templates') options.templates = value.split(',').map(Number);
    else if (flag === '--shapes') options.shapes = value.split(',') as Options['shapes'];
    else if (flag === '--jobs') options.jobs = value.split(',').map(Number);
    else if (flag === '--baseline-dist') options.baselineDist = path.resolve(value);
    else if (flag === '--baseline-max') options.baselineMax = Number(value);
    else if (flag === '--loose-max') options.looseMax = Number(value);
    else throw new Error(`unknown option ${flag} (use --sizes, --runs, --skip, --templates, --shapes, --jobs, --baseline-dist, --baseline-max, --loose-max)`);
    i++;
  }
  if (options.sizes.some((s) => !Number.isInteger(s) || s < 50) || !(options.runs >= 1)) throw new Error('--sizes needs whole numbers >= 50, --runs >= 1');
  if (options.templates.some((n) => !Number.isInteger(n) || n < 4 || n > 10_000)) throw new Error('--templates needs whole numbers from 4 to 10000');
  if (options.shapes.some((s) => s !== 'assemblies' && s !== 'templates' && s !== 'tagged')) throw new Error('--shapes takes assemblies, templates and/or tagged');
  if (options.jobs.some((n) => !Number.isInteger(n) || n < 1 || n > 64)) throw new Error('--jobs needs whole numbers from 1 to 64');
  if (options.baselineDist && !fs.existsSync(path.join(options.baselineDist, 'bin', 'dpp.js'))) throw new Error(`--baseline-dist ${options.baselineDist}: no bin/dpp.js in it`);
  return options;
}

const root = path.join(__dirname, '..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const guardPackage = path.join(root, 'node_modules', '@cdklabs', 'cdk-validator-cfnguard');

interface Sample {
  ms: number;
  /** Time inside the pack's validate(), for the synth variants with a pack. */
  checkMs?: number;
  maxRssMb: number | null;
}

/** A synth in its own process; the child measures construction + synth and its own peak memory. */
function synth(variant: string, units: number, outdir: string): Sample {
  const out = execFileSync(tsx, [path.join(__dirname, 'synth-once.ts'), variant, String(units), outdir], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 26 });
  const result = JSON.parse(out.trim().split('\n').pop()!);
  return { ms: result.ms, checkMs: variant === 'bare' ? undefined : result.checkMs, maxRssMb: result.maxRssMb };
}

/** A whole command, timed from outside, with GNU time's peak RSS where /usr/bin/time exists. */
function wholeProcess(command: string, args: string[]): Sample {
  const hasTime = fs.existsSync('/usr/bin/time');
  const started = performance.now();
  const result = hasTime
    ? spawnSync('/usr/bin/time', ['-f', 'BENCH_RSS_KB=%M', command, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 })
    : spawnSync(command, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = performance.now() - started;
  if (result.error) throw result.error;
  const rss = /BENCH_RSS_KB=(\d+)/.exec(result.stderr ?? '');
  return { ms, maxRssMb: rss ? Number(rss[1]) / 1024 : null };
}

function cfnGuard(): { binary: string; rules: string } | { skip: string } {
  const arch = os.arch() === 'arm64' ? 'aarch64' : 'x86_64';
  const binary = path.join(guardPackage, 'bin', os.platform() === 'darwin' ? 'macos' : 'ubuntu', arch, 'cfn-guard');
  const rules = path.join(guardPackage, 'rules', 'control-tower', 'cfn-guard');
  if (!fs.existsSync(binary)) return { skip: '@cdklabs/cdk-validator-cfnguard is not installed' };
  const probe = spawnSync(binary, ['--version'], { encoding: 'utf8' });
  if (probe.status !== 0) return { skip: `its bundled cfn-guard does not run here (${probe.error?.message ?? probe.stderr.trim()})` };
  return { binary, rules };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * `dpp check` over many templates, each run its own process: peak memory should stay flat as the
 * count grows (the check streams), time grow linearly.
 */
function orgScale(options: Options, work: string): object[] {
  const source = path.join(work, 'default-app');
  console.error('synthesizing the default app once (the corpus)…');
  execFileSync('npx', ['cdk', 'synth', '--quiet', '--output', source], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  const builds: Array<[string, string]> = [['current', path.join(root, 'dist')], ...(options.baselineDist ? [['baseline', options.baselineDist] as [string, string]] : [])];
  const rows: object[] = [];
  for (const shape of options.shapes) {
    for (const templates of options.templates) {
      if (shape !== 'assemblies' && templates > options.looseMax) continue;
      const corpus = path.join(work, `${shape}-${templates}`);
      const paths = writeCorpus(source, shape, templates, corpus);
      for (const [build, dist] of builds) {
        if (build === 'baseline' && templates > options.baselineMax) continue;
        for (const jobs of build === 'baseline' ? [1] : options.jobs) {
          const args = [path.join(dist, 'bin', 'dpp.js'), 'check', ...paths, '--format', 'sarif', '--output', path.join(work, 'org.sarif'), ...(build === 'baseline' ? [] : ['--jobs', String(jobs)])];
          const sample = wholeProcess(process.execPath, args);
          rows.push({ shape, templates, build, jobs, seconds: Number((sample.ms / 1000).toFixed(1)), msPerTemplate: Number((sample.ms / templates).toFixed(1)), peakRssMb: sample.maxRssMb === null ? null : Math.round(sample.maxRssMb) });
          console.error(`  ${shape} ${templates} ${build} jobs ${jobs}: ${(sample.ms / 1000).toFixed(1)} s, ${sample.maxRssMb === null ? '?' : Math.round(sample.maxRssMb)} MB`);
        }
      }
      fs.rmSync(corpus, { recursive: true, force: true });
    }
  }
  return rows;
}

function main(): void {
  const options = parseOptions(process.argv.slice(2));
  console.error('building the dpp CLI (npm run build)…');
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  if (options.skip.has('synth')) {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'dpp-bench-'));
    try {
      writeOrg(options, work);
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
    return;
  }
  const guard = options.skip.has('cfnguard') ? { skip: 'skipped (--skip cfnguard)' } : cfnGuard();
  const notes: string[] = [];
  if ('skip' in guard) notes.push(`cfn-guard: ${guard.skip}`);

  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'dpp-bench-'));
  const results = [];
  for (const size of options.sizes) {
    const units = Math.max(1, Math.round(size / RESOURCES_PER_UNIT));
    const outdir = path.join(work, `app-${units}`);
    const samples: Record<string, Sample[]> = {};
    const variants = ['bare', 'dpp', ...(options.skip.has('awssolutions') ? [] : ['awssolutions'])];
    let resources = 0;
    for (let run = 0; run < options.runs; run++) {
      for (const variant of variants) {
        (samples[variant] ??= []).push(synth(variant, units, path.join(outdir, variant)));
      }
      const template = path.join(outdir, 'bare', 'Workload.template.json');
      resources = Object.keys(JSON.parse(fs.readFileSync(template, 'utf8')).Resources).length;
      (samples['dpp check'] ??= []).push(wholeProcess(process.execPath, [path.join(root, 'dist', 'bin', 'dpp.js'), 'check', template, '--format', 'json', '--output', path.join(work, 'findings.json')]));
      if (!('skip' in guard)) {
        (samples['cfn-guard'] ??= []).push(wholeProcess(guard.binary, ['validate', '--rules', guard.rules, '--data', template, '--show-summary', 'none', '--output-format', 'json']));
      }
      console.error(`  ${resources} resources: run ${run + 1}/${options.runs} done`);
    }
    const bare = median(samples.bare.map((s) => s.ms));
    for (const [variant, list] of Object.entries(samples)) {
      const ms = median(list.map((s) => s.ms));
      const rss = list.map((s) => s.maxRssMb).filter((v): v is number => v !== null);
      const checks = list.map((s) => s.checkMs).filter((v): v is number => v !== undefined);
      const checkMs = checks.length ? median(checks) : undefined;
      results.push({
        resources,
        variant,
        runs: list.length,
        medianMs: Math.round(ms),
        ratioToBareSynth: Number((ms / bare).toFixed(3)),
        // The pack's own time (inside validate), per 1,000 resources: flat from size to size means linear.
        checkMs: checkMs === undefined ? null : Math.round(checkMs),
        checkMsPer1000Resources: checkMs === undefined ? null : Math.round((checkMs / resources) * 1000),
        msPer1000Resources: Math.round((ms / resources) * 1000),
        peakRssMb: rss.length ? Math.round(Math.max(...rss)) : null,
      });
    }
  }
  if (!options.skip.has('org')) writeOrg(options, work);
  fs.rmSync(work, { recursive: true, force: true });

  const machine = machineInfo();
  const report = { generatedAt: new Date().toISOString(), machine, options: { sizes: options.sizes, runs: options.runs }, notes, results };
  fs.mkdirSync(path.join(__dirname, 'results'), { recursive: true });
  fs.writeFileSync(path.join(__dirname, 'results', 'latest.json'), JSON.stringify(report, null, 2) + '\n');

  console.log(`machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb} GiB, Node ${machine.node}`);
  console.table(results);
  for (const note of notes) console.log(`note: ${note}`);
  console.log('written: bench/results/latest.json');
}

function machineInfo() {
  return { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.arch()}` };
}

function writeOrg(options: Options, work: string): void {
  const results = orgScale(options, work);
  const report = { generatedAt: new Date().toISOString(), machine: machineInfo(), options: { templates: options.templates, shapes: options.shapes, jobs: options.jobs, baselineDist: options.baselineDist ?? null }, results };
  fs.mkdirSync(path.join(__dirname, 'results'), { recursive: true });
  fs.writeFileSync(path.join(__dirname, 'results', 'org-latest.json'), JSON.stringify(report, null, 2) + '\n');
  console.table(results);
  console.log('written: bench/results/org-latest.json');
}

try {
  main();
} catch (error) {
  console.error(`bench: ${(error as Error).message.split('\n')[0]}`);
  process.exitCode = 2;
}
