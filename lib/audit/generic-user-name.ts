/**
 * Words that name a role or a placeholder rather than a person (DPP 2.2 Access Management: a unique ID per person, no
 * generic, shared or default accounts). Kept in step with the template rule's list (CONTROLS.md, 2.2).
 */
export const GENERIC_NAME_WORDS: ReadonlySet<string> = new Set([
  'admin', 'administrator', 'root', 'test', 'shared', 'generic', 'default', 'user', 'service', 'guest',
]);

/**
 * True when a user name looks generic or shared: every word in it is a generic word, optionally numbered
 * (`admin`, `Admin2`, `test-01`, `shared_user`, `service.account1` is not: `account` is not generic).
 */
export function isGenericUserName(name: string): boolean {
  const words = name.toLowerCase().split(/[^a-z0-9]+/).map((w) => w.replace(/\d+$/, '')).filter((w) => w !== '');
  return words.length > 0 && words.every((w) => GENERIC_NAME_WORDS.has(w));
}
