import * as fs from 'node:fs';
import * as path from 'node:path';

let cached: string | undefined;

/** This package's version, from the nearest `package.json` above this file (the same from `lib/` and `dist/lib/`). */
export function packageVersion(): string {
  if (cached !== undefined) return cached;
  let directory = __dirname;
  for (;;) {
    const candidate = path.join(directory, 'package.json');
    if (fs.existsSync(candidate)) {
      const json = JSON.parse(fs.readFileSync(candidate, 'utf8')) as { name?: string; version?: string };
      if (json.name === 'dpp-baseline') return (cached = json.version ?? '0.0.0');
    }
    const parent = path.dirname(directory);
    if (parent === directory) return (cached = '0.0.0');
    directory = parent;
  }
}
