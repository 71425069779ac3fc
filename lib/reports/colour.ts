/** ANSI colours for text output, or plain text when colour is off (not a terminal, NO_COLOR set, writing a file). */
export interface Colours {
  readonly red: (text: string) => string;
  readonly yellow: (text: string) => string;
  readonly green: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly bold: (text: string) => string;
}

const code = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;
const plain = (text: string) => text;

export function colours(enabled: boolean): Colours {
  return enabled
    ? { red: code(31, 39), yellow: code(33, 39), green: code(32, 39), dim: code(2, 22), bold: code(1, 22) }
    : { red: plain, yellow: plain, green: plain, dim: plain, bold: plain };
}

/** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function colourWanted(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  return stream.isTTY === true && (env.NO_COLOR === undefined || env.NO_COLOR === '');
}
