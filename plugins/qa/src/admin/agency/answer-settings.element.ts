import { html, nothing, type PropertyDeclarations } from 'lit';
import { commonTexts } from '../shared/common-messages.js';
import { API, APPROVE } from '../shared/qa-api.js';
import { QaPage } from '../shared/qa-page.js';
import { answerTexts } from './answer-messages.js';

/**
 * "Cài đặt trả lời" (`qa.answers.approve`, the agency): whether the unit's answers need a leader's
 * approval (ký duyệt) before they are sent. The inbox follows it: staff submit for approval, or send.
 */
export class AnswerSettings extends QaPage {
  static override properties: PropertyDeclarations = {
    requireApproval: { state: true },
  };

  /** Undefined until read. */
  declare requireApproval: boolean | undefined;

  protected override unitChanged(): void {
    this.requireApproval = undefined;
  }

  async load(): Promise<void> {
    const api = this.api!;
    if (!this.can(APPROVE)) return;
    try {
      const settings = await api.get<{ requireApproval: boolean }>(`${API}/answer-settings`);
      if (api !== this.api) return;
      this.requireApproval = settings.requireApproval;
      this.error = undefined;
    } catch (error) {
      if (api === this.api) this.error = this.failure(error);
    }
  }

  async #save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const requireApproval = new FormData(event.target as HTMLFormElement).get('requireApproval') !== null;
    await this.act(async () => {
      this.requireApproval = (await this.api!.put<{ requireApproval: boolean }>(`${API}/answer-settings`, { requireApproval })).requireApproval;
    }, answerTexts().settingsSaved);
  }

  override render() {
    const t = answerTexts();
    if (!this.can(APPROVE)) return html`<h1>${t.settingsTitle}</h1><p class="note">${t.needApprove}</p>`;
    return html`<h1>${t.settingsTitle}</h1>${this.renderStatus()}
      ${this.requireApproval === undefined
        ? this.error ? nothing : html`<p>${commonTexts().loading}</p>`
        : html`<form novalidate aria-label=${t.settingsTitle} @submit=${(ev: SubmitEvent) => this.#save(ev)}>
            <label class="check"><input type="checkbox" name="requireApproval" aria-describedby="s-hint" .checked=${this.requireApproval} /> ${t.requireApproval}</label>
            <span class="hint" id="s-hint">${t.requireApprovalHint}</span>
            <div class="actions"><button type="submit" class="primary" ?disabled=${this.busy}>${t.saveSettings}</button></div>
          </form>`}`;
  }
}
