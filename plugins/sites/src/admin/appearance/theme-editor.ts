import { html, nothing, type PropertyDeclarations } from 'lit';
import { AA_NON_TEXT, AA_TEXT, contrastRatio, normalizeColour, shownRatio } from '../../appearance/contrast.js';
import { AppearancePage } from './appearance-page.js';
import { appearanceTexts, pick } from './appearance-messages.js';
import type { Appearance, Branding, NetworkAppearance, ThemeColours } from './appearance-types.js';

/**
 * The unit's theme (TEN-06): one of the approved themes, and the branding a unit may change — primary and
 * accent colours (the contrast shown as typed, checked again by the server), the logo and its text.
 * The header, emblem area and footer are the province's and have no control here.
 */
export class SitesTheme extends AppearancePage {
  static override properties: PropertyDeclarations = {
    locked: { state: true },
  };

  /** The network's locked parts, when the caller sets them (a network admin at the province); else undefined. */
  declare locked: NetworkAppearance | undefined;

  override async load(): Promise<void> {
    await super.load();
    if (!this.user?.permissions.includes('sites.network.manage')) return;
    try {
      this.locked = await this.api!.get<NetworkAppearance>('/api/sites/appearance/network');
    } catch {
      this.locked = undefined; // not at the province: the section is not shown
    }
  }

  async #saveLocked(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const body = { headerLine: String(data.get('headerLine') ?? ''), footerNote: String(data.get('footerNote') ?? '') };
    await this.act(async () => {
      this.locked = await this.api!.put<NetworkAppearance>('/api/sites/appearance/network', body);
    });
  }

  #renderLocked() {
    const t = appearanceTexts();
    const locked = this.locked;
    if (!locked) return nothing;
    return html`<section aria-labelledby="phan-khoa">
      <h2 id="phan-khoa">${t.lockedTitle}</h2>
      <form class="stack" @submit=${(e: SubmitEvent) => void this.#saveLocked(e)}>
        <label>${t.headerLine}<input name="headerLine" maxlength="200" .value=${locked.headerLine} /></label>
        <label>${t.footerNote}<input name="footerNote" maxlength="500" .value=${locked.footerNote} /></label>
        <button type="submit" ?disabled=${this.busy}>${t.saveLocked}</button>
      </form>
    </section>`;
  }
  #theme(): ThemeColours | undefined {
    return this.catalogue?.themes.find((th) => th.id === this.working?.theme)?.colours;
  }

  #setBranding(field: keyof Branding, value: string): void {
    const w = this.working!;
    this.working = { ...w, branding: { ...w.branding, [field]: value.trim() === '' ? null : value.trim() } };
  }

  /** The contrast line of a colour field: its ratio against what it meets, and whether it passes. */
  #contrast(id: string, colour: string | null, against: readonly string[], needed: number) {
    const t = appearanceTexts();
    const value = colour === null ? null : normalizeColour(colour);
    if (value === null) return nothing;
    const ratio = Math.min(...against.map((other) => contrastRatio(value, other)));
    return html`<span id=${id} class=${ratio < needed ? 'field-error' : 'muted'}><span class="swatch" style="background:${value}"></span> ${t.contrast(shownRatio(ratio), needed)}${ratio < needed ? ` — ${t.contrastFails}` : ''}</span>`;
  }

  override render() {
    const t = appearanceTexts();
    const w = this.working;
    const theme = this.#theme();
    return html`
      <h1>${t.themeTitle}</h1>
      ${this.error ? html`<p role="alert">${this.error}</p>` : nothing}
      <p class="muted">${t.lockedNote}</p>
      ${!w || !this.catalogue
        ? nothing
        : html`<form class="stack" @submit=${(e: SubmitEvent) => e.preventDefault()}>
            <fieldset>
              <legend>${t.chooseTheme}</legend>
              ${this.catalogue.themes.map(
                (th) => html`<label><input type="radio" name="theme" value=${th.id} .checked=${w.theme === th.id} @change=${() => (this.working = { ...this.working!, theme: th.id })} />
                  <span class="swatch" style="background:${th.colours.primary}"></span> ${pick(th.label)}</label>`,
              )}
            </fieldset>
            <fieldset>
              <legend>${t.branding}</legend>
              <label>${t.primary}
                <input name="primary" maxlength="7" .value=${w.branding.primary ?? ''} aria-describedby="tuong-phan-chinh" @input=${(e: Event) => this.#setBranding('primary', (e.target as HTMLInputElement).value)} />
              </label>
              ${theme ? this.#contrast('tuong-phan-chinh', w.branding.primary, [theme.background, theme.onPrimary], AA_TEXT) : nothing}
              <label>${t.accent}
                <input name="accent" maxlength="7" .value=${w.branding.accent ?? ''} aria-describedby="tuong-phan-nhan" @input=${(e: Event) => this.#setBranding('accent', (e.target as HTMLInputElement).value)} />
              </label>
              ${theme ? this.#contrast('tuong-phan-nhan', w.branding.accent, [theme.background], AA_NON_TEXT) : nothing}
              <label>${t.logo}<input name="logo" maxlength="1000" .value=${w.branding.logo ?? ''} @input=${(e: Event) => this.#setBranding('logo', (e.target as HTMLInputElement).value)} /></label>
              <label>${t.logoAlt}<input name="logoAlt" maxlength="300" .value=${w.branding.logoAlt ?? ''} @input=${(e: Event) => this.#setBranding('logoAlt', (e.target as HTMLInputElement).value)} /></label>
            </fieldset>
          </form>`}
      ${w ? this.renderActions(() => this.#next()) : nothing}
      ${this.#renderLocked()}
    `;
  }

  /** The draft to save: this page's theme and branding, the saved draft's home layout. */
  #next(): Appearance {
    const base = this.view?.draft ?? this.view!.published;
    return { theme: this.working!.theme, branding: this.working!.branding, home: base.home };
  }
}
