import { html } from 'lit';
import { formatTime, type Texts } from '../messages.js';
import { languageLabel, type SiteLanguage } from '../site-languages.js';
import type { ArticleDiff, ArticleStatus, Category, DiffPart, FieldDiff } from '../types.js';

/**
 * The text of a run of rich-text HTML as a reader sees it: block ends become line breaks, other tags
 * go, entities are decoded. Parsed inert (DOMParser runs nothing) and rendered as text by Lit.
 */
export function readableText(htmlText: string): string {
  const lines = htmlText.replace(/<\/(p|h[1-6]|li|blockquote|tr|pre)>|<br\s*\/?>/gi, '\n');
  return new DOMParser().parseFromString(`<body>${lines}</body>`, 'text/html').body.textContent ?? '';
}

function partText(field: string, part: DiffPart): string {
  if (!field.endsWith('body')) return part.text;
  const text = readableText(part.text);
  // A change of formatting only (<strong> added…) would otherwise show as an empty change.
  return part.op !== 'equal' && text.trim() === '' ? part.text : text;
}

/** A value of a field that is not diffed word by word, for people. */
function shown(t: Texts, field: string, value: unknown, categories: readonly Category[]): string {
  if (value === null || value === undefined || value === '') return t.none;
  if ((field === 'publishAt' || field === 'unpublishAt') && typeof value === 'number') return formatTime(new Date(value).toISOString());
  if (field === 'status') return t.statuses[value as ArticleStatus] ?? String(value);
  if (field === 'categoryId') {
    const c = categories.find((x) => x.id === value);
    return c ? (document.documentElement.lang === 'en' && c.name.en) || c.name.vi : String(value);
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Insertions and deletions say what they are in words too (visually hidden), not only by colour and line. */
const inserted = (t: Texts, text: string) => html`<ins><span class="visually-hidden">${t.inserted}</span>${text}<span class="visually-hidden">${t.insertedEnd}</span></ins>`;
const deleted = (t: Texts, text: string) => html`<del><span class="visually-hidden">${t.deleted}</span>${text}<span class="visually-hidden">${t.deletedEnd}</span></del>`;

/** A field's name for people; a translated field (`translations.lo.title`) names its language. */
function fieldLabel(t: Texts, field: string, languages: readonly SiteLanguage[]): string {
  const m = /^translations\.([^.]+)\.(title|summary|body)$/.exec(field);
  if (!m) return t.diffFields[field] ?? field;
  const language = languages.find((l) => l.code === m[1]);
  const lang = language ? languageLabel(language) : m[1]!;
  return m[2] === 'title' ? t.trTitle(lang) : m[2] === 'summary' ? t.trSummary(lang) : t.trBody(lang);
}

function change(t: Texts, c: FieldDiff, categories: readonly Category[], languages: readonly SiteLanguage[]) {
  const label = fieldLabel(t, c.field, languages);
  return html`<div class="diff-change" data-field=${c.field}>
    <h5>${label}</h5>
    ${c.words
      ? html`<p class="diff-words">${c.words.map((part) => {
          const text = partText(c.field, part);
          return part.op === 'insert' ? inserted(t, text) : part.op === 'delete' ? deleted(t, text) : text;
        })}</p>`
      : html`<p class="diff-words">${t.before}: ${deleted(t, shown(t, c.field, c.before, categories))}<br />${t.after}: ${inserted(t, shown(t, c.field, c.after, categories))}</p>`}
  </div>`;
}

/** The API's diff of two revisions, field by field. */
export function renderDiff(t: Texts, diff: ArticleDiff, categories: readonly Category[], languages: readonly SiteLanguage[]) {
  return html`<section class="diff" aria-labelledby="diff-heading">
    <h4 id="diff-heading">${t.diffHeading(diff.from, diff.to)}</h4>
    ${diff.changes.length === 0 ? html`<p>${t.noChanges}</p>` : diff.changes.map((c) => change(t, c, categories, languages))}
  </section>`;
}
