import * as fs from 'node:fs';
import * as path from 'node:path';

let cached: { root: string; version: string } | undefined;

/** This package's directory and version, from the nearest `package.json` above this file (the same from `lib/` and `dist/lib/`). */
function packageInfo(): { root: string; version: string } {
  if (cached !== undefined) return cached;
  let directory = __dirname;
  for (;;) {
    const candidate = path.join(directory, 'package.json');
    if (fs.existsSync(candidate)) {
      const json = JSON.parse(fs.readFileSync(candidate, 'utf8')) as { name?: string; version?: string };
      if (json.name === 'dpp-baseline') return (cached = { root: directory, version: json.version ?? '0.0.0' });
    }
    const parent = path.dirname(directory);
    if (parent === directory) return (cached = { root: process.cwd(), version: '0.0.0' });
    directory = parent;
  }
}

/** This package's version. */
export function packageVersion(): string {
  return packageInfo().version;
}

/** This package's installed directory: where its shipped documents (`docs/*.md`) are. */
export function packageRoot(): string {
  return packageInfo().root;
}
