import { html, nothing, type PropertyDeclarations } from 'lit';
import { AppearancePage } from './appearance-page.js';
import { appearanceTexts, pick } from './appearance-messages.js';
import type { Appearance, Catalogue, HomeEntry, SettingProperty } from './appearance-types.js';

type BlockInfo = Catalogue['blocks'][number];

/** `Title | https://…` lines as links, and back. */
const linksFromText = (text: string) =>
  text
    .split('\n')
    .map((line) => line.split('|').map((part) => part.trim()))
    .filter(([title, url]) => title && url)
    .map(([title, url]) => ({ title: title!, url: url! }));
const linksToText = (links: unknown) => (Array.isArray(links) ? (links as { title: string; url: string }[]).map((l) => `${l.title} | ${l.url}`).join('\n') : '');

/**
 * The unit's home page as an ordered list of blocks (first version item 6): add a block from the
 * catalogue (the portal's built-in ones, this plugin's, other plugins' contributed ones), move it up
 * or down or remove it with buttons (keyboard reachable; focus stays on the moved block's button and
 * the move is announced), edit its settings from its schema; or go back to the default home page.
 */
export class SitesHome extends AppearancePage {
  static override properties: PropertyDeclarations = {
    announcement: { state: true },
  };

  declare announcement: string;

  constructor() {
    super();
    this.announcement = '';
  }

  get #entries(): readonly HomeEntry[] {
    return this.working?.home ?? [];
  }

  #info(id: string): BlockInfo | undefined {
    return this.catalogue?.blocks.find((b) => b.id === id);
  }

  #name(id: string): string {
    const info = this.#info(id);
    return info ? pick(info.label) : id;
  }

  #setEntries(entries: readonly HomeEntry[]): void {
    this.working = { ...this.working!, home: entries };
  }

  async #move(index: number, by: -1 | 1): Promise<void> {
    const entries = [...this.#entries];
    const target = index + by;
    if (target < 0 || target >= entries.length) return;
    [entries[index], entries[target]] = [entries[target]!, entries[index]!];
    this.#setEntries(entries);
    this.announcement = appearanceTexts().moved(this.#name(entries[target]!.block), target + 1);
    await this.updateComplete;
    // Keep the keyboard where it was: on the same control of the moved block (or the other one at an end).
    const buttons = this.shadowRoot?.querySelectorAll<HTMLButtonElement>(`[data-index="${target}"] button`);
    const wanted = [...(buttons ?? [])].find((b) => b.dataset.move === String(by) && !b.disabled) ?? [...(buttons ?? [])].find((b) => !b.disabled);
    wanted?.focus();
  }

  #remove(index: number): void {
    this.#setEntries(this.#entries.filter((_, i) => i !== index));
  }

  #add(event: SubmitEvent): void {
    event.preventDefault();
    const id = String(new FormData(event.target as HTMLFormElement).get('block') ?? '');
    if (!id) return;
    this.#setEntries([...this.#entries, { block: id, settings: {} }]);
  }

  #setSetting(index: number, key: string, value: unknown): void {
    this.#setEntries(
      this.#entries.map((entry, i) => {
        if (i !== index) return entry;
        const settings: Record<string, unknown> = { ...(entry.settings ?? {}) };
        if (value === undefined) delete settings[key];
        else settings[key] = value;
        return { ...entry, settings };
      }),
    );
  }

  #settingField(index: number, entry: HomeEntry, key: string, p: SettingProperty) {
    const t = appearanceTexts();
    const value = entry.settings?.[key];
    const id = `khoi-${index}-${key}`;
    if (p.type === 'array') {
      return html`<label for=${id}>${key === 'links' ? t.links : key}</label>
        <textarea id=${id} .value=${linksToText(value)} @change=${(e: Event) => this.#setSetting(index, key, linksFromText((e.target as HTMLTextAreaElement).value))}></textarea>`;
    }
    if (p.type === 'boolean') {
      return html`<label><input id=${id} type="checkbox" .checked=${value === true} @change=${(e: Event) => this.#setSetting(index, key, (e.target as HTMLInputElement).checked)} /> ${key}</label>`;
    }
    if (p.type === 'integer' || p.type === 'number') {
      return html`<label>${key}<input id=${id} type="number" min=${p.minimum ?? nothing} max=${p.maximum ?? nothing} .value=${value === undefined ? '' : String(value)}
        @change=${(e: Event) => { const raw = (e.target as HTMLInputElement).value; this.#setSetting(index, key, raw === '' ? undefined : Number(raw)); }} /></label>`;
    }
    return html`<label>${key}<input id=${id} maxlength=${p.maxLength ?? 500} .value=${typeof value === 'string' ? value : ''}
      @change=${(e: Event) => { const raw = (e.target as HTMLInputElement).value.trim(); this.#setSetting(index, key, raw === '' ? undefined : raw); }} /></label>`;
  }

  override render() {
    const t = appearanceTexts();
    const w = this.working;
    const entries = this.#entries;
    return html`
      <h1>${t.homeTitle}</h1>
      ${this.error ? html`<p role="alert">${this.error}</p>` : nothing}
      <p class="sr-only" aria-live="polite">${this.announcement}</p>
      ${!w || !this.catalogue
        ? nothing
        : html`<section aria-labelledby="khoi-trang-chu">
              <h2 id="khoi-trang-chu">${t.blocks}</h2>
              ${w.home === null ? html`<p class="muted">${t.defaultHome}</p>` : nothing}
              <ol class="blocks">
                ${entries.map((entry, i) => {
                  const name = this.#name(entry.block);
                  const properties = Object.entries(this.#info(entry.block)?.settingsSchema.properties ?? {});
                  return html`<li data-index=${i}>
                    <div class="row">
                      <strong>${name}</strong>
                      <button type="button" data-move="-1" aria-label=${t.moveUp(name)} ?disabled=${i === 0} @click=${() => void this.#move(i, -1)}>${t.up}</button>
                      <button type="button" data-move="1" aria-label=${t.moveDown(name)} ?disabled=${i === entries.length - 1} @click=${() => void this.#move(i, 1)}>${t.down}</button>
                      <button type="button" aria-label=${t.remove(name)} @click=${() => this.#remove(i)}>${t.removeShort}</button>
                    </div>
                    ${properties.length === 0
                      ? nothing
                      : html`<fieldset><legend>${t.settings}: ${name}</legend>${properties.map(([key, p]) => this.#settingField(i, entry, key, p))}</fieldset>`}
                  </li>`;
                })}
              </ol>
              <form class="bar" @submit=${(e: SubmitEvent) => this.#add(e)}>
                <label>${t.addBlock}
                  <select name="block">${this.catalogue.blocks.map((b) => html`<option value=${b.id}>${pick(b.label)}</option>`)}</select>
                </label>
                <button type="submit">${t.add}</button>
                ${w.home === null ? nothing : html`<button type="button" @click=${() => (this.working = { ...this.working!, home: null })}>${t.useDefault}</button>`}
              </form>
            </section>`}
      ${w ? this.renderActions(() => this.#next()) : nothing}
    `;
  }

  /** The draft to save: this page's home layout, the saved draft's theme and branding. */
  #next(): Appearance {
    const base = this.view?.draft ?? this.view!.published;
    return { theme: base.theme, branding: base.branding, home: this.working!.home };
  }
}
