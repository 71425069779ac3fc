import * as fs from 'node:fs';
import * as path from 'node:path';

/** The environments the `tagged` shape spreads its loose templates across (two of each kind, as issue 17's config contract). */
const TAGGED_ENVIRONMENTS = ['dev', 'staging', 'prod-eu', 'prod-us'];

/** A copy of a template whose `dpp:environment` tags name `environment` instead (its kind tag, if any, stays). */
function retagged(text: string, environment: string): string {
  const pending: unknown[] = [JSON.parse(text)];
  const root = pending[0];
  while (pending.length > 0) {
    const value = pending.pop();
    if (value === null || typeof value !== 'object') continue;
    const tag = value as { Key?: unknown; Value?: unknown };
    if (tag.Key === 'dpp:environment' && typeof tag.Value === 'string') tag.Value = environment;
    pending.push(...Object.values(value));
  }
  return JSON.stringify(root, null, 1);
}

/**
 * The corpus of the org-scale `dpp check` benchmark, made from one synthesized cloud assembly
 * (the default app's stacks): `assemblies` copies of it, or the same templates as loose files in
 * directories of 500 (`templates`), or loose files whose `dpp:environment` tags spread them over
 * four environments (`tagged`: an org-wide scan of many apps, every template held for the app
 * rules). Templates are hard links, so 10,000 of them cost no disk; each has its own path, so dpp
 * reads each one.
 */
export function writeCorpus(source: string, shape: 'assemblies' | 'templates' | 'tagged', templates: number, outdir: string): string[] {
  const manifest = fs.readFileSync(path.join(source, 'manifest.json'), 'utf8');
  const stacks = fs.readdirSync(source).filter((f) => f.endsWith('.template.json')).sort();
  fs.mkdirSync(outdir, { recursive: true });
  if (shape === 'tagged') {
    // One retagged variant per stack and environment, written once; the copies link to them.
    const variants = path.join(outdir, 'variants');
    fs.mkdirSync(variants);
    for (const stack of stacks) {
      for (const environment of TAGGED_ENVIRONMENTS) fs.writeFileSync(path.join(variants, `${environment}-${stack}`), retagged(fs.readFileSync(path.join(source, stack), 'utf8'), environment));
    }
  }
  const copies = Math.ceil(templates / stacks.length);
  const paths: string[] = [];
  for (let i = 0; i < copies; i++) {
    const directory = shape === 'assemblies' ? path.join(outdir, `app-${i}`) : path.join(outdir, `batch-${Math.floor((i * stacks.length) / 500)}`);
    fs.mkdirSync(directory, { recursive: true });
    if (shape === 'assemblies') {
      fs.writeFileSync(path.join(directory, 'manifest.json'), manifest);
      paths.push(directory);
    } else if (!paths.includes(directory)) {
      paths.push(directory);
    }
    for (const stack of stacks) {
      const target = shape === 'assemblies' ? path.join(directory, stack) : path.join(directory, `${i}-${stack}`);
      const environment = TAGGED_ENVIRONMENTS[i % TAGGED_ENVIRONMENTS.length];
      fs.linkSync(shape === 'tagged' ? path.join(outdir, 'variants', `${environment}-${stack}`) : path.join(source, stack), target);
    }
  }
  return paths;
}
