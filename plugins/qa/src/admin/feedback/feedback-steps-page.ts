import type { PropertyDeclarations } from 'lit';
import type { FieldErrors } from '../shared/form-field.js';
import { API, type FeedbackStatus, type FeedbackView, type Page } from '../shared/qa-api.js';
import { QaPage } from '../shared/qa-page.js';

/** Items a page shows at once. */
export const LIMIT = 20;

/**
 * What the feedback page and the ideas page share: a list by status with paging, one item opened by
 * address (`<route>/<id>`), and steps that check the form here first and then post to
 * `/api/qa/<collection>/:id/<step>`, with each form's field errors (the page's, the server's 400) beside
 * its fields as `<form>-<field>`.
 */
export abstract class FeedbackStepsPage extends QaPage {
  static override properties: PropertyDeclarations = {
    list: { state: true },
    status: { state: true },
    offset: { state: true },
    view: { state: true },
    fieldErrors: { state: true },
  };

  declare list: Page<FeedbackView> | undefined;
  /** The status asked of the server; undefined: every status. */
  declare status: FeedbackStatus | undefined;
  declare offset: number;
  declare view: FeedbackView | undefined;
  /** Errors by `<form>-<field>` (the detail has several forms with a `note`). */
  declare fieldErrors: FieldErrors;

  /** `feedback` or `ideas`: the API collection under `/api/qa`. */
  protected abstract readonly collection: 'feedback' | 'ideas';

  constructor() {
    super();
    this.offset = 0;
    this.fieldErrors = {};
  }

  protected override unitChanged(): void {
    this.list = undefined;
    this.view = undefined;
    this.offset = 0;
  }

  /** The page of the list the filters ask for. */
  protected listQuery() {
    return { query: { ...(this.status ? { status: this.status } : {}), limit: LIMIT, offset: this.offset } };
  }

  /** A new item was opened or a step ran: drop what belonged to the previous state (the classify form's choice…). */
  protected itemChanged(): void {}

  protected override followLink(id: string | undefined): void {
    if (id) void this.openItem(id);
    else void this.closeItem();
  }

  protected async openItem(id: string): Promise<void> {
    const api = this.api!;
    try {
      const view = await api.get<FeedbackView>(`${API}/${this.collection}/${encodeURIComponent(id)}`);
      if (api !== this.api) return;
      this.view = view;
      this.itemChanged();
      this.fieldErrors = {};
      this.error = undefined;
      this.linkTo(id);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
    } catch (error) {
      this.error = this.failure(error);
    }
  }

  protected async closeItem(): Promise<void> {
    this.view = undefined;
    this.fieldErrors = {};
    this.linkTo(undefined);
    await this.load();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  protected async filter(status: string): Promise<void> {
    this.status = (status || undefined) as FeedbackStatus | undefined;
    this.offset = 0;
    await this.load();
  }

  protected async showPage(offset: number): Promise<void> {
    this.offset = offset;
    await this.load();
  }

  /** Checks here first (`errors` by field), then runs one step; the server's field errors go beside the form's fields. */
  protected async step(form: string, errors: Record<string, string>, path: string, body: unknown, done: (v: FeedbackView) => string, method: 'post' | 'put' = 'post'): Promise<boolean> {
    this.fieldErrors = Object.fromEntries(Object.entries(errors).map(([k, v]) => [`${form}-${k}`, v]));
    if (Object.keys(errors).length) {
      await this.focusFirstError();
      return false;
    }
    const ok = await this.act(
      async () => {
        this.view = await this.api![method]<FeedbackView>(`${API}/${this.collection}/${encodeURIComponent(this.view!.id)}/${path}`, body);
        this.fieldErrors = {};
        this.itemChanged();
      },
      () => done(this.view!),
      (error) => Object.keys((this.fieldErrors = Object.fromEntries(Object.entries(error.fieldErrors()).map(([k, v]) => [`${form}-${k}`, v])))).length > 0,
    );
    if (!ok) await this.focusFirstError();
    return ok;
  }
}
