import { css, html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { SyndicationPage } from '../syndication/syndication-page.js';
import { syndicationStyles } from '../syndication/syndication.styles.js';
import { formatTime } from '../syndication/syndication-messages.js';
import { appearanceTexts } from './appearance-messages.js';
import type { Appearance, AppearanceView, Catalogue } from './appearance-types.js';

/**
 * What the theme and home-page editors share: the unit's appearance and the catalogue, the draft being
 * edited (the saved draft, else the published appearance), and saving, previewing, publishing and
 * discarding it. Both pages edit one draft: each sends the other's part unchanged. The busy state,
 * error line and toasts are the syndication pages' (SyndicationPage).
 */
export abstract class AppearancePage extends SyndicationPage {
  static override styles = css`
      ${syndicationStyles}
      .status { margin-block: var(--cong-space-s, 0.75rem); }
      .swatch { display: inline-block; inline-size: 1.25rem; block-size: 1.25rem; border: 1px solid var(--cong-color-border, #c9ccd1); vertical-align: middle; }
      ol.blocks { padding-inline-start: 1.5rem; display: grid; gap: var(--cong-space-s, 0.75rem); }
      ol.blocks > li { border: 1px solid var(--cong-color-border, #c9ccd1); border-radius: var(--cong-radius, 0.375rem); padding: var(--cong-space-s, 0.75rem); }
      .row { display: flex; flex-wrap: wrap; gap: var(--cong-space-s, 0.75rem); align-items: center; }
    `;

  static override properties: PropertyDeclarations = {
    view: { state: true },
    catalogue: { state: true },
    working: { state: true },
  };

  declare view: AppearanceView | undefined;
  declare catalogue: Catalogue | undefined;
  /** The draft as edited on this page, not yet saved. */
  declare working: Appearance | undefined;

  override updated(changed: PropertyValues<this>): void {
    if ((changed.has('api') || changed.has('tenant')) && this.api) void this.load();
  }

  async load(): Promise<void> {
    const api = this.api!;
    try {
      const [view, catalogue] = await Promise.all([api.get<AppearanceView>('/api/sites/appearance'), this.catalogue ? Promise.resolve(this.catalogue) : api.get<Catalogue>('/api/sites/appearance/catalogue')]);
      if (api !== this.api) return;
      this.view = view;
      this.catalogue = catalogue;
      this.working = view.draft ?? view.published;
      this.error = undefined;
    } catch (error) {
      if (api === this.api) this.error = this.failure(error);
    }
  }

  protected async save(next: Appearance): Promise<void> {
    await this.act(async () => {
      this.view = await this.api!.put<AppearanceView>('/api/sites/appearance/draft', next);
    });
  }

  protected async publish(): Promise<void> {
    await this.act(async () => {
      this.view = await this.api!.post<AppearanceView>('/api/sites/appearance/publish');
    });
  }

  protected async discard(): Promise<void> {
    await this.act(async () => {
      this.view = await this.api!.delete<AppearanceView>('/api/sites/appearance/draft');
    });
  }

  /** The unit's home page showing the saved draft (the token is the draft's; a new save issues a new one). */
  protected previewUrl(): string | null {
    return this.view?.previewToken && this.tenant ? `/t/${this.tenant.slug}/?xem-truoc=${encodeURIComponent(this.view.previewToken)}` : null;
  }

  /** The draft state line, and the save / preview / publish / discard controls. */
  protected renderActions(next: () => Appearance) {
    const t = appearanceTexts();
    const view = this.view;
    const preview = this.previewUrl();
    return html`
      <p class="status" aria-live="polite">
        ${view?.draft ? t.draftState : t.noDraft}
        ${view?.fromTemplate ? html` ${t.fromTemplate}` : nothing}
        ${view?.publishedAt && view.publishedBy ? html` ${t.publishedBy(view.publishedBy, formatTime(view.publishedAt))}` : nothing}
      </p>
      <div class="actions">
        <button type="button" class="primary" ?disabled=${this.busy} @click=${() => void this.save(next())}>${t.save}</button>
        ${preview ? html`<a href=${preview} target="_blank" rel="noopener">${t.preview}</a>` : nothing}
        <button type="button" ?disabled=${this.busy || !view?.draft} @click=${() => void this.publish()}>${t.publish}</button>
        <button type="button" ?disabled=${this.busy || !view?.draft} @click=${() => void this.discard()}>${t.discard}</button>
      </div>
    `;
  }
}
