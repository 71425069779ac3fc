/** Where a JSON template declares its resources: the line of `Resources` and of each resource's key. */
export interface ResourceLines {
  readonly resourcesLine?: number;
  readonly lines: ReadonlyMap<string, number>;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;
const COLON = 0x3a;

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/**
 * Finds the line of each resource's key in a JSON template with one linear scan of the text
 * (no second parse: cloud-assembly templates can be megabytes). Assumes the text is valid JSON —
 * call it after `JSON.parse` succeeded.
 */
export function jsonResourceLines(text: string): ResourceLines {
  const lines = new Map<string, number>();
  let resourcesLine: number | undefined;
  let line = 1;
  let depth = 0;
  let awaitingResources = false;
  let insideResources = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === NEWLINE) {
      line++;
    } else if (code === QUOTE) {
      let end = i + 1;
      let escaped = false;
      while (end < text.length && text.charCodeAt(end) !== QUOTE) {
        if (text.charCodeAt(end) === BACKSLASH) {
          escaped = true;
          end++;
        }
        end++;
      }
      let next = end + 1;
      while (next < text.length && isSpace(text.charCodeAt(next))) next++;
      if (text.charCodeAt(next) === COLON) {
        const raw = text.slice(i + 1, end);
        const key = escaped ? (JSON.parse(`"${raw}"`) as string) : raw;
        if (depth === 1 && key === 'Resources') {
          resourcesLine = line;
          awaitingResources = true;
        } else if (insideResources && depth === 2) {
          lines.set(key, line);
        }
      } else {
        awaitingResources = false;
      }
      i = end;
    } else if (code === 0x7b || code === 0x5b) {
      depth++;
      if (awaitingResources) insideResources = code === 0x7b && depth === 2;
      awaitingResources = false;
    } else if (code === 0x7d || code === 0x5d) {
      if (insideResources && depth === 2) insideResources = false;
      depth--;
    } else if (code !== COLON && !isSpace(code) && code !== 0x2c) {
      awaitingResources = false;
    }
  }
  return { resourcesLine, lines };
}
