import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { formatTime, syndicationTexts } from './syndication-messages.js';
import { SyndicationPage } from './syndication-page.js';
import type { Broadcast, BroadcastDetail, BroadcastStatus, Page, PublishedArticle, UnitOption } from './syndication-types.js';
import { renderPager } from './syndication-views.js';

const LIMIT = 20;

/** Units in tree order (parents before children), each with its depth below the sender. */
function treeOrder(units: readonly UnitOption[]): { unit: UnitOption; depth: number }[] {
  const ids = new Set(units.map((u) => u.id));
  const children = new Map<string, UnitOption[]>();
  for (const u of units) {
    const key = u.parentId !== null && ids.has(u.parentId) ? u.parentId : '';
    children.set(key, [...(children.get(key) ?? []), u]);
  }
  const out: { unit: UnitOption; depth: number }[] = [];
  const walk = (key: string, depth: number) => {
    for (const u of children.get(key) ?? []) {
      out.push({ unit: u, depth });
      walk(u.id, depth + 1);
    }
  };
  walk('', 0);
  return out;
}

/**
 * Broadcast down (TEN-07/08): send one of the unit's published articles to every unit below it or to one
 * branch; the list of the unit's broadcasts, each with its receiving sites, and "end" — the only way an
 * item leaves the receiving sites, which cannot remove it themselves.
 */
export class Broadcasts extends SyndicationPage {
  static override properties: PropertyDeclarations = {
    page: { state: true },
    articles: { state: true },
    units: { state: true },
    scope: { state: true },
    status: { state: true },
    offset: { state: true },
    detail: { state: true },
  };

  declare page: Page<Broadcast> | undefined;
  declare articles: readonly PublishedArticle[];
  declare units: readonly UnitOption[];
  declare scope: 'all' | 'subtree';
  declare status: BroadcastStatus | '';
  declare offset: number;
  declare detail: BroadcastDetail | undefined;

  constructor() {
    super();
    this.articles = [];
    this.units = [];
    this.scope = 'all';
    this.status = 'active';
    this.offset = 0;
  }

  override updated(changed: PropertyValues<this>): void {
    if ((changed.has('api') || changed.has('tenant')) && this.api) {
      const previous = changed.get('tenant');
      if (previous !== undefined && previous.id !== this.tenant?.id) {
        this.detail = undefined;
        this.offset = 0;
      }
      void this.load();
    }
  }

  async load(): Promise<void> {
    const api = this.api!;
    try {
      const [page, articles, units] = await Promise.all([
        api.get<Page<Broadcast>>('/api/sites/broadcasts', { query: { limit: LIMIT, offset: this.offset, status: this.status || undefined } }),
        api.get<Page<PublishedArticle>>('/api/sites/published-articles', { query: { limit: 100, offset: 0 } }),
        api.get<{ items: UnitOption[] }>('/api/sites/broadcasts/units'),
      ]);
      if (api !== this.api) return;
      this.page = page;
      this.articles = articles.items;
      this.units = units.items;
      this.error = undefined;
    } catch (error) {
      if (api === this.api) this.error = this.failure(error);
    }
  }

  async #open(id: string): Promise<void> {
    try {
      this.detail = await this.api!.get<BroadcastDetail>(`/api/sites/broadcasts/${id}`);
    } catch (error) {
      this.error = this.failure(error);
    }
  }

  async #send(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const note = String(data.get('note') ?? '').trim();
    const body = {
      articleId: String(data.get('articleId') ?? ''),
      scope: this.scope,
      ...(this.scope === 'subtree' ? { rootId: String(data.get('rootId') ?? '') } : {}),
      ...(note ? { note } : {}),
    };
    await this.act(async () => {
      this.detail = await this.api!.post<BroadcastDetail>('/api/sites/broadcasts', body);
    });
  }

  async #end(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const reason = String(new FormData(event.target as HTMLFormElement).get('reason') ?? '').trim();
    await this.act(async () => {
      this.detail = await this.api!.post<BroadcastDetail>(`/api/sites/broadcasts/${this.detail!.id}/end`, reason ? { reason } : {});
    });
  }

  #filter(event: SubmitEvent): void {
    event.preventDefault();
    this.status = String(new FormData(event.target as HTMLFormElement).get('status') ?? '') as BroadcastStatus | '';
    this.offset = 0;
    void this.load();
  }

  override render() {
    const t = syndicationTexts();
    if (this.detail) return this.#renderDetail(this.detail);
    const items = this.page?.items;
    return html`
      <h1>${t.broadcasts}</h1>
      ${this.error ? html`<p role="alert">${this.error}</p>` : nothing}
      <section aria-labelledby="gui-tin-moi">
        <h2 id="gui-tin-moi">${t.newBroadcast}</h2>
        <p class="muted">${t.broadcastHint}</p>
        ${this.articles.length === 0 ? html`<p>${t.noArticles}</p>` : this.#renderForm()}
      </section>
      <section aria-labelledby="tin-da-gui">
        <h2 id="tin-da-gui">${t.broadcasts}</h2>
        <form class="bar" @submit=${(e: SubmitEvent) => this.#filter(e)}>
          <label>${t.status}
            <select name="status">
              <option value="">${t.allStatuses}</option>
              ${(['active', 'ended'] as const).map((s) => html`<option value=${s} ?selected=${this.status === s}>${t.broadcastStatuses[s]}</option>`)}
            </select>
          </label>
          <button type="submit">${t.filter}</button>
        </form>
        ${!items
          ? nothing
          : items.length === 0
            ? html`<p>${t.empty}</p>`
            : html`<table>
                <thead><tr><th scope="col">${t.article}</th><th scope="col">${t.scope}</th><th scope="col">${t.status}</th><th scope="col">${t.sentAt}</th></tr></thead>
                <tbody>${items.map(
                  (b) => html`<tr>
                    <td><button type="button" class="link" @click=${() => void this.#open(b.id)}>${b.article?.title ?? b.articleId}</button></td>
                    <td>${b.scope === 'all' ? t.scopeAll : b.root.name} · ${t.targets(b.targetCount)}</td>
                    <td>${t.broadcastStatuses[b.status]}</td>
                    <td>${formatTime(b.createdAt)}</td>
                  </tr>`,
                )}</tbody>
              </table>`}
        ${renderPager(t.broadcasts, this.offset, LIMIT, this.page?.total ?? 0, t, (offset) => { this.offset = offset; void this.load(); })}
      </section>
    `;
  }

  #renderForm() {
    const t = syndicationTexts();
    return html`<form class="stack" @submit=${(e: SubmitEvent) => this.#send(e)}>
      <label>${t.chooseArticle}
        <select name="articleId" required>
          ${this.articles.map((a) => html`<option value=${a.id} ?disabled=${a.broadcast !== null}>${a.title}${a.broadcast ? ` (${t.alreadyBroadcast})` : ''}</option>`)}
        </select>
      </label>
      <fieldset>
        <legend>${t.scope}</legend>
        <label><input type="radio" name="scope" value="all" .checked=${this.scope === 'all'} @change=${() => (this.scope = 'all')} /> ${t.scopeAll}</label>
        <label><input type="radio" name="scope" value="subtree" .checked=${this.scope === 'subtree'} @change=${() => (this.scope = 'subtree')} /> ${t.scopeSubtree}</label>
      </fieldset>
      ${this.scope === 'subtree'
        ? html`<label>${t.subtreeRoot}
            <select name="rootId" required>
              ${treeOrder(this.units).map(({ unit, depth }) => html`<option value=${unit.id}>${'\u00a0\u00a0'.repeat(depth)}${unit.name}</option>`)}
            </select>
          </label>`
        : nothing}
      <label>${t.broadcastNote}<input name="note" maxlength="2000" /></label>
      <button type="submit" class="primary" ?disabled=${this.busy}>${t.broadcast}</button>
    </form>`;
  }

  #renderDetail(b: BroadcastDetail) {
    const t = syndicationTexts();
    return html`
      <p><button type="button" @click=${() => (this.detail = undefined)}>${t.back}</button></p>
      <h2>${b.article?.title ?? b.articleId}</h2>
      ${this.error ? html`<p role="alert">${this.error}</p>` : nothing}
      <dl>
        <dt>${t.article}</dt>
        <dd>${b.article ? html`<a href=${b.article.url} target="_blank" rel="noopener">${t.source}</a>` : html`<span class="muted">${t.sourceGone}</span>`}</dd>
        <dt>${t.scope}</dt><dd>${b.scope === 'all' ? t.scopeAll : b.root.name}</dd>
        <dt>${t.status}</dt><dd>${t.broadcastStatuses[b.status]}${b.endCause ? ` — ${t.endCauses[b.endCause]}` : ''}</dd>
        ${b.note ? html`<dt>${t.broadcastNote}</dt><dd>${b.note}</dd>` : nothing}
        ${b.endReason ? html`<dt>${t.reasonShown}</dt><dd>${b.endReason}</dd>` : nothing}
        <dt>${t.sentAt}</dt><dd>${formatTime(b.createdAt)} · ${b.createdBy}</dd>
      </dl>
      ${b.status === 'active'
        ? html`<form class="stack" @submit=${(e: SubmitEvent) => this.#end(e)}>
            <label>${t.endReason}<input name="reason" maxlength="2000" /></label>
            <button type="submit" ?disabled=${this.busy}>${t.end}</button>
          </form>`
        : nothing}
      <h3>${t.receivingSites} (${b.targets.length})</h3>
      <ul>
        ${b.targets.map((x) => html`<li>${x.removedAt === null ? html`<a href=${`/t/${x.unit.slug}${x.path}`} target="_blank" rel="noopener">${x.unit.name}</a>` : html`${x.unit.name} <span class="muted">(${formatTime(x.removedAt)})</span>`}</li>`)}
      </ul>
    `;
  }
}
