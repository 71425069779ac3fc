import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The corpus of the org-scale `dpp check` benchmark, made from one synthesized cloud assembly
 * (the default app's four stacks): `assemblies` copies of it, or the same templates as loose
 * files in directories of 500. Templates are hard links, so 10,000 of them cost no disk; each
 * has its own path, so dpp reads each one.
 */
export function writeCorpus(source: string, shape: 'assemblies' | 'templates', templates: number, outdir: string): string[] {
  const manifest = fs.readFileSync(path.join(source, 'manifest.json'), 'utf8');
  const stacks = fs.readdirSync(source).filter((f) => f.endsWith('.template.json')).sort();
  fs.mkdirSync(outdir, { recursive: true });
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
      fs.linkSync(path.join(source, stack), target);
    }
  }
  return paths;
}
