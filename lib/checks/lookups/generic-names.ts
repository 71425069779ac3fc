/**
 * The generic/shared user-name heuristic of DPP 2.2 Access Management (a unique ID per person),
 * shared by the template rule DPP-2.2-IamUserNotGeneric and `dpp audit`.
 */

/**
 * Words that name a role or a default rather than a person. A name made only of these (and
 * digits, separators) is generic: `admin`, `test-user-2`, `SharedService`, `rootuser`.
 */
const GENERIC_WORDS = ['administrator', 'admin', 'root', 'tester', 'test', 'shared', 'generic', 'default', 'users', 'user', 'service', 'guest', 'account'];

/** True when `word` splits entirely into generic words (`adminuser` → admin + user). */
function allGeneric(word: string): boolean {
  const reachable = new Array<boolean>(word.length + 1).fill(false);
  reachable[0] = true;
  for (let end = 1; end <= word.length; end++) {
    reachable[end] = GENERIC_WORDS.some((w) => end >= w.length && reachable[end - w.length] && word.slice(end - w.length, end) === w);
  }
  return reachable[word.length];
}

/** True when a user name names no person: every word in it is generic (numbers ignored). */
export function isGenericUserName(name: string): boolean {
  const words = name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z]+/)
    .map((w) => w.toLowerCase())
    .filter((w) => w.length > 0);
  return words.length > 0 && words.every(allGeneric);
}
