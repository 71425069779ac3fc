import * as fs from 'node:fs';
import * as path from 'node:path';

const GOLDEN_DIR = path.join(__dirname, '..', 'fixtures', 'golden');

/**
 * Compares output with a golden file under test/fixtures/golden. Run with UPDATE_GOLDEN=1 to
 * rewrite the file after an intended change, then review the diff.
 */
export function expectGolden(name: string, actual: string): void {
  const file = path.join(GOLDEN_DIR, name);
  if (process.env.UPDATE_GOLDEN === '1' || !fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, actual);
  }
  expect(actual).toBe(fs.readFileSync(file, 'utf8'));
}
