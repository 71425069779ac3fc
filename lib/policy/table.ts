import { clause } from '../checks/catalogue';
import { BUILT_IN_PROFILES, describeValue } from './profile';
import { THRESHOLD_KEYS, THRESHOLDS } from './thresholds';

/** The README's table of every threshold per built-in profile (a test keeps the README in step). */
export function profileTableMarkdown(): string {
  const profiles = Object.values(BUILT_IN_PROFILES);
  const lines = [
    `| Clause | Key | What it bounds | ${profiles.map((p) => `\`${p.name}\``).join(' | ')} |`,
    `| --- | --- | --- | ${profiles.map(() => '---').join(' | ')} |`,
  ];
  for (const key of THRESHOLD_KEYS) {
    const spec = THRESHOLDS[key];
    const cells = profiles.map((p) => {
      const text = describeValue(key, p.values[key]);
      return p.base !== 'dpp' && p.values[key] !== BUILT_IN_PROFILES.dpp.values[key] ? `**${text}**` : text;
    });
    lines.push(`| ${spec.clause} ${clause(spec.clause)?.title ?? ''} | \`${key}\` | ${spec.about} (${spec.direction}) | ${cells.join(' | ')} |`);
  }
  return `${lines.join('\n')}\n`;
}
