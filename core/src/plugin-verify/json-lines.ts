/**
 * The line of every value in a JSON text, by JSON pointer (`/cong/permissions/0/id` → 23), so a
 * finding about package.json can name the line to edit. `JSON.parse` keeps no positions; this walks
 * the text once, trusting it is valid JSON (the caller parsed it first).
 */
export function jsonLines(text: string): ReadonlyMap<string, number> {
  const lines = new Map<string, number>();
  let at = 0;
  let line = 1;

  const skipSpace = () => {
    while (at < text.length && /\s/.test(text[at]!)) {
      if (text[at] === '\n') line++;
      at++;
    }
  };
  const readString = (): string => {
    const start = at;
    at++; // opening quote
    while (at < text.length && text[at] !== '"') at += text[at] === '\\' ? 2 : 1;
    at++;
    return JSON.parse(text.slice(start, at)) as string;
  };
  const value = (pointer: string): void => {
    skipSpace();
    lines.set(pointer, line);
    const c = text[at];
    if (c === '{') {
      at++;
      skipSpace();
      while (text[at] !== '}' && at < text.length) {
        skipSpace();
        const key = readString();
        skipSpace();
        at++; // colon
        const child = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
        skipSpace();
        value(child);
        // A key's line is where the key is written, which is where the value starts in practice.
        skipSpace();
        if (text[at] === ',') at++;
        skipSpace();
      }
      at++;
    } else if (c === '[') {
      at++;
      skipSpace();
      let index = 0;
      while (text[at] !== ']' && at < text.length) {
        value(`${pointer}/${index++}`);
        skipSpace();
        if (text[at] === ',') at++;
        skipSpace();
      }
      at++;
    } else if (c === '"') {
      readString();
    } else {
      while (at < text.length && !/[\s,\]}]/.test(text[at]!)) at++;
    }
  };
  value('');
  return lines;
}

/** The line of `pointer`, or of its nearest ancestor present in the text (a missing field's parent). */
export function lineOf(lines: ReadonlyMap<string, number>, pointer: string): number | undefined {
  let current = pointer;
  for (;;) {
    const found = lines.get(current);
    if (found !== undefined || current === '') return found;
    current = current.slice(0, current.lastIndexOf('/'));
  }
}
