/** Values a template interpolates: `{{name}}` in a file reads `values.name`. */
export type TemplateValues = Readonly<Record<string, string>>;

/** Features a template may leave out: lines between `{{#name}}` and `{{/name}}` stay only when it is on. */
export type TemplateFeatures = Readonly<Record<string, boolean>>;

const SECTION_LINE = /^\s*(?:\/\/|#|<!--)?\s*\{\{([#/])(\w+)\}\}\s*(?:-->)?\s*$/;
const PLACEHOLDER = /\{\{(\w+)\}\}/g;

/**
 * Renders a template's text: drops the lines of sections whose feature is off (the marker lines
 * themselves always go; they may sit in a comment so the template stays readable), then replaces
 * every `{{name}}`. An unknown name or an unclosed section throws: a template mistake must not reach
 * a user's new plugin.
 */
export function renderTemplate(text: string, values: TemplateValues, features: TemplateFeatures = {}, file = 'template'): string {
  const kept: string[] = [];
  const open: { name: string; on: boolean }[] = [];
  for (const line of text.split('\n')) {
    const marker = SECTION_LINE.exec(line);
    if (marker) {
      const [, kind, name] = marker as unknown as [string, '#' | '/', string];
      if (!(name in features)) throw new Error(`${file}: unknown section {{${kind}${name}}}`);
      if (kind === '#') open.push({ name, on: features[name]! });
      else if (open.pop()?.name !== name) throw new Error(`${file}: {{/${name}}} closes no open section`);
      continue;
    }
    if (open.every((section) => section.on)) kept.push(line);
  }
  if (open.length > 0) throw new Error(`${file}: section {{#${open.at(-1)!.name}}} is not closed`);
  return kept.join('\n').replace(PLACEHOLDER, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`${file}: unknown placeholder {{${name}}}`);
    return value;
  });
}

/**
 * A template's path in the new package: `.tmpl` dropped, `__name__` replaced, and a leading `_` on a
 * dotfile restored (`_gitignore` → `.gitignore`: npm never publishes a file named `.gitignore`).
 */
export function renderPath(path: string, values: TemplateValues): string {
  return path
    .replace(/\.tmpl$/, '')
    .split('/')
    .map((part) => part.replace(/^_(gitignore|changeset)$/, '.$1'))
    .join('/')
    .replace(/__(\w+)__/g, (whole, name: string) => values[name] ?? whole);
}
