import * as fs from 'node:fs';
import * as path from 'node:path';
import { profileTableMarkdown } from '../../lib/policy/table';

test('the README\'s policy profile table is the policy module\'s data (regenerate: npx tsx scripts/profile-table.ts)', () => {
  const readme = fs.readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
  expect(readme).toContain(profileTableMarkdown());
});
