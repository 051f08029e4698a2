import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { CongElement } from '@cong/sdk/admin';
import { Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import Image from '@tiptap/extension-image';
import { TableKit } from '@tiptap/extension-table';
import TextAlign from '@tiptap/extension-text-align';
import Subscript from '@tiptap/extension-subscript';
import Superscript from '@tiptap/extension-superscript';
import { texts, type Texts } from '../messages.js';
import { isSafeImageSrc, isSafeLinkHref } from './safe-urls.js';

/**
 * The extensions of the article body. The schema stays inside the server's allowlist
 * (src/html/sanitize-html.ts): paragraphs, h2–h4, bold/italic/underline/strike, sub/sup, code and
 * code blocks, lists, quotes, rules, hard breaks, links with checked addresses, images with alt text,
 * tables and text alignment (written as `style="text-align"`, which the server turns into a class).
 *
 * Media-library images are stored as `/media/<id>/<variant>` (the unit's site resolves them); the
 * admin runs on another host, so the editor shows them from `mediaBase` + that path (`/t/<slug>/media/…`)
 * without changing what is stored.
 */
export function bodyExtensions(mediaBase = '') {
  return [
    StarterKit.configure({
      heading: { levels: [2, 3, 4] },
      link: {
        openOnClick: false,
        autolink: true,
        defaultProtocol: 'https',
        protocols: ['mailto', 'tel'],
        isAllowedUri: (url) => isSafeLinkHref(url),
        HTMLAttributes: { rel: 'noopener noreferrer', target: null },
      },
    }),
    Image.extend({
      addNodeView() {
        return ({ node }) => {
          const img = document.createElement('img');
          const src = String(node.attrs.src ?? '');
          img.src = src.startsWith('/media/') ? `${mediaBase}${src}` : src;
          img.alt = String(node.attrs.alt ?? '');
          return { dom: img };
        };
      },
    }).configure({ inline: false, allowBase64: false }),
    TableKit.configure({ table: { resizable: false } }),
    TextAlign.configure({ types: ['heading', 'paragraph'], alignments: ['left', 'center', 'right', 'justify'] }),
    Subscript,
    Superscript,
  ];
}

type Ask = (message: string, value?: string) => string | null;

// Drawn inline: emoji glyphs are missing from the fonts of many office machines (they showed as boxes).
const LINK_ICON = html`<svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"
  ><path d="M10 14a5 5 0 0 0 7 0l3-3a5 5 0 0 0-7-7l-1 1" /><path d="M14 10a5 5 0 0 0-7 0l-3 3a5 5 0 0 0 7 7l1-1"
/></svg>`;
const IMAGE_ICON = html`<svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round"
  ><rect x="3" y="4" width="18" height="16" rx="2" /><circle cx="9" cy="10" r="2" /><path d="M21 17l-5-5-9 8"
/></svg>`;

/**
 * The article body's editor: a Tiptap (ProseMirror) surface and its toolbar. It renders into its own
 * light DOM (STACK.md §4.9: ProseMirror inside a shadow root is a risk), so its styles come from the
 * element that contains it.
 *
 * `value` is the HTML it starts from (set again to replace the content); `html()` is what it holds now.
 * Links and images are asked for with `ask` (default `window.prompt`) and refused, with a message in
 * the element's live region, when the server would drop them: `javascript:` and other schemes, images
 * not on https or /files/, images without alt text.
 *
 * @fires portal-body-input - when the content changes.
 */
export class RichText extends CongElement {
  static override properties = {
    value: {},
    label: {},
    disabled: { type: Boolean },
    notice: { state: true },
  };

  declare value: string;
  /** The accessible name of the editing surface. */
  declare label: string;
  declare disabled: boolean;
  declare notice: string | undefined;
  /** How the element asks for a URL or alt text; tests replace it. */
  ask: Ask = (message, value) => window.prompt(message, value ?? '');
  /**
   * Chooses an image (the media library's picker, set by the editors that have one); without it the
   * image button asks for an address and alt text.
   */
  pickImage: (() => Promise<{ readonly src: string; readonly alt: string } | undefined>) | undefined;
  /** Where the editor shows media-library images from: the unit's site prefix (`/t/<slug>`). */
  mediaBase = '';
  editor: Editor | undefined;

  constructor() {
    super();
    this.value = '';
    this.label = '';
    this.disabled = false;
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated && !this.editor) this.#mount();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.editor?.destroy();
    this.editor = undefined;
  }

  protected override firstUpdated(): void {
    this.#mount();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!this.editor) return;
    if (changed.has('value') && changed.get('value') !== undefined && this.value !== this.editor.getHTML()) {
      this.editor.commands.setContent(this.value || '', { emitUpdate: false });
    }
    if (changed.has('disabled')) this.editor.setEditable(!this.disabled);
    if (changed.has('label')) this.editor.view.dom.setAttribute('aria-label', this.label);
  }

  #mount(): void {
    const host = this.querySelector<HTMLElement>('.portal-rich-text-mount');
    if (!host) return;
    this.editor = new Editor({
      element: host,
      extensions: bodyExtensions(this.mediaBase),
      content: this.value || '',
      editable: !this.disabled,
      editorProps: {
        attributes: { role: 'textbox', 'aria-multiline': 'true', 'aria-label': this.label, class: 'portal-rich-text-surface' },
      },
      // Tiptap creates the view after this call returns: the toolbar enables itself then.
      onCreate: () => this.requestUpdate(),
      onTransaction: () => this.requestUpdate(),
      onUpdate: () => this.emit('portal-body-input', { html: this.html() }),
    });
  }

  /** The current content as HTML. */
  html(): string {
    return this.editor ? this.editor.getHTML() : this.value;
  }

  #link(t: Texts): void {
    const editor = this.editor!;
    const current = (editor.getAttributes('link').href as string | undefined) ?? '';
    const answer = this.ask(t.linkPrompt, current);
    if (answer === null) return;
    const href = answer.trim();
    if (href === '') {
      editor.chain().focus().extendMarkRange('link').unsetLink().run();
      this.notice = undefined;
      return;
    }
    if (!isSafeLinkHref(href)) {
      this.notice = t.linkRefused;
      return;
    }
    this.notice = undefined;
    if (editor.state.selection.empty && !editor.isActive('link')) {
      editor.chain().focus().insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] }).run();
    } else {
      editor.chain().focus().extendMarkRange('link').setLink({ href }).run();
    }
  }

  #image(t: Texts): void {
    if (this.pickImage) {
      void this.pickImage().then((choice) => {
        if (!choice) return;
        if (!isSafeImageSrc(choice.src) || choice.alt.trim() === '') {
          this.notice = choice.alt.trim() === '' ? t.altRequired : t.imageRefused;
          return;
        }
        this.notice = undefined;
        this.editor!.chain().focus().setImage({ src: choice.src, alt: choice.alt.trim() }).run();
      });
      return;
    }
    const answer = this.ask(t.imagePrompt);
    if (answer === null) return;
    const src = answer.trim();
    if (!isSafeImageSrc(src)) {
      this.notice = t.imageRefused;
      return;
    }
    const alt = (this.ask(t.altPrompt) ?? '').trim();
    if (alt === '') {
      this.notice = t.altRequired;
      return;
    }
    this.notice = undefined;
    this.editor!.chain().focus().setImage({ src, alt }).run();
  }

  /** Arrow keys move along the toolbar (every button also stays in the Tab order). */
  #toolbarKey(event: KeyboardEvent): void {
    if (!['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key)) return;
    const buttons = [...this.querySelectorAll<HTMLButtonElement>('.portal-rich-text-toolbar button:not([disabled])')];
    const at = buttons.indexOf(event.target as HTMLButtonElement);
    if (at < 0) return;
    event.preventDefault();
    const next = event.key === 'Home' ? 0 : event.key === 'End' ? buttons.length - 1 : (at + (event.key === 'ArrowRight' ? 1 : -1) + buttons.length) % buttons.length;
    buttons[next]!.focus();
  }

  override render() {
    const t = texts();
    const e = this.editor;
    const off = this.disabled || !e;
    const run = (fn: (editor: Editor) => void) => () => {
      if (this.editor) fn(this.editor);
    };
    // WCAG 2.5.3 (label in name): a glyph with letters or digits (H2, x₂, 1.) is in the name too, so
    // "H2: Tiêu đề cấp 2" answers to what a speech user reads on the button (not in parentheses:
    // those do not count as part of the name).
    const named = (label: string, text: string | TemplateResult) => (typeof text === 'string' && text.length > 1 && /[\p{L}\p{N}]/u.test(text) ? `${text}: ${label}` : label);
    const toggle = (name: string, label: string, text: string | TemplateResult, active: boolean, fn: (editor: Editor) => void) =>
      html`<button type="button" data-command=${name} aria-label=${named(label, text)} title=${label} aria-pressed=${active ? 'true' : 'false'} ?disabled=${off} @click=${run(fn)}>${text}</button>`;
    const action = (name: string, label: string, text: string | TemplateResult, fn: (editor: Editor) => void, can = true) =>
      html`<button type="button" data-command=${name} aria-label=${named(label, text)} title=${label} ?disabled=${off || !can} @click=${run(fn)}>${text}</button>`;
    const is = (name: string, attrs?: Record<string, unknown>) => Boolean(e?.isActive(name, attrs));
    const aligned = (align: string) => Boolean(e?.isActive({ textAlign: align }));
    return html`
      <div class="portal-rich-text-toolbar" role="toolbar" aria-label=${t.toolbar} @keydown=${(ev: KeyboardEvent) => this.#toolbarKey(ev)}>
        ${toggle('bold', t.bold, 'B', is('bold'), (x) => x.chain().focus().toggleBold().run())}
        ${toggle('italic', t.italic, 'I', is('italic'), (x) => x.chain().focus().toggleItalic().run())}
        ${toggle('underline', t.underline, 'U', is('underline'), (x) => x.chain().focus().toggleUnderline().run())}
        ${toggle('strike', t.strike, 'S', is('strike'), (x) => x.chain().focus().toggleStrike().run())}
        ${toggle('subscript', t.subscript, 'x₂', is('subscript'), (x) => x.chain().focus().toggleSubscript().run())}
        ${toggle('superscript', t.superscript, 'x²', is('superscript'), (x) => x.chain().focus().toggleSuperscript().run())}
        <span class="sep" aria-hidden="true"></span>
        ${([2, 3, 4] as const).map((level) => toggle(`h${level}`, t.heading(level), `H${level}`, is('heading', { level }), (x) => x.chain().focus().toggleHeading({ level }).run()))}
        ${toggle('bulletList', t.bulletList, '• ≡', is('bulletList'), (x) => x.chain().focus().toggleBulletList().run())}
        ${toggle('orderedList', t.orderedList, '1. ≡', is('orderedList'), (x) => x.chain().focus().toggleOrderedList().run())}
        ${toggle('blockquote', t.blockquote, '❝', is('blockquote'), (x) => x.chain().focus().toggleBlockquote().run())}
        <span class="sep" aria-hidden="true"></span>
        ${(['left', 'center', 'right', 'justify'] as const).map((a) =>
          toggle(`align-${a}`, t.align[a]!, { left: '⇤', center: '↔', right: '⇥', justify: '☰' }[a], aligned(a), (x) => x.chain().focus().setTextAlign(a).run()),
        )}
        <span class="sep" aria-hidden="true"></span>
        ${toggle('link', t.link, LINK_ICON, is('link'), () => this.#link(t))}
        ${action('image', t.image, IMAGE_ICON, () => this.#image(t))}
        ${action('table', t.table, '▦', (x) => x.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run())}
        <span class="sep" aria-hidden="true"></span>
        ${action('undo', t.undo, '↶', (x) => x.chain().focus().undo().run(), Boolean(e?.can().undo()))}
        ${action('redo', t.redo, '↷', (x) => x.chain().focus().redo().run(), Boolean(e?.can().redo()))}
      </div>
      <p class="portal-rich-text-notice" role="status" aria-live="polite">${this.notice ?? nothing}</p>
      <div class="portal-rich-text-mount"></div>
    `;
  }
}
