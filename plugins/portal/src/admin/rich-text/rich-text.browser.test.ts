import { afterEach, describe, expect, it } from 'vitest';
import { settle } from '../testing/fake-api.js';
import type { RichText } from './rich-text.element.js';
import './rich-text.js';

afterEach(() => {
  document.body.replaceChildren();
});

// The server's allowlist (src/html/sanitize-html.ts): tags, and the attributes each keeps. `style` is
// read for text-align only (turned into a class); table widths are dropped.
const ALLOWED: Record<string, readonly string[]> = {
  p: ['style'], h2: ['style'], h3: ['style'], h4: ['style'], strong: [], em: [], u: [], s: [], sub: [], sup: [], code: [], pre: [], br: [], hr: [],
  ul: [], ol: ['start', 'type'], li: [], blockquote: [], a: ['href', 'title', 'target', 'rel'], img: ['src', 'alt', 'title', 'width', 'height'],
  table: ['style'], colgroup: [], col: ['style'], thead: [], tbody: [], tr: [], th: ['colspan', 'rowspan', 'colwidth'], td: ['colspan', 'rowspan', 'colwidth'],
  figure: [], figcaption: [],
};

describe('<portal-rich-text>', () => {
  it('produces only what the server keeps, from every toolbar command', async () => {
    document.documentElement.lang = 'vi';
    const rich = document.createElement('portal-rich-text') as RichText;
    rich.label = 'Nội dung';
    document.body.append(rich);
    await settle(rich);
    const answers: string[] = [];
    rich.ask = () => answers.shift() ?? null;
    const press = async (command: string) => {
      rich.querySelector<HTMLButtonElement>(`button[data-command=${command}]`)!.click();
      await settle(rich);
    };
    const e = rich.editor!;
    e.commands.setContent('<p>a</p>');
    e.commands.selectAll();
    for (const c of ['bold', 'italic', 'underline', 'strike', 'subscript']) await press(c);
    e.commands.setTextSelection(2);
    e.commands.insertContent('<p>b</p>');
    await press('h3');
    await press('align-center');
    e.commands.insertContent('<p>c</p>');
    await press('bulletList');
    e.commands.insertContent('<p>d</p>');
    await press('orderedList');
    e.commands.insertContent('<p>q</p>');
    await press('blockquote');
    answers.push('mailto:vanphong@quangtri.gov.vn');
    await press('link');
    answers.push('/files/anh.png', 'Bản đồ');
    await press('image');
    expect(rich.querySelector('[role=status]')!.textContent).toBe('');
    expect(answers).toEqual([]);
    expect(rich.html()).toContain('<img');
    e.commands.focus('end');
    await press('table');
    e.commands.insertContent('<p>x<sup>2</sup></p><pre><code>mã</code></pre><hr>');
    await press('undo');
    await press('redo');
    const out = rich.html();
    expect(out).toContain('<strong>');
    expect(out).toContain('<h3 style="text-align: center;">');
    expect(out).toContain('<img src="/files/anh.png" alt="Bản đồ">');
    expect(out).toContain('href="mailto:vanphong@quangtri.gov.vn"');
    const doc = new DOMParser().parseFromString(`<body>${out}</body>`, 'text/html');
    const problems: string[] = [];
    for (const el of doc.body.querySelectorAll('*')) {
      const tag = el.localName;
      const allowed = ALLOWED[tag];
      if (!allowed) problems.push(`<${tag}>`);
      else for (const attr of el.getAttributeNames()) if (!allowed.includes(attr)) problems.push(`<${tag} ${attr}>`);
      const style = el.getAttribute('style');
      if (style && tag !== 'table' && tag !== 'col' && !/^text-align: (left|center|right|justify);$/.test(style)) problems.push(`<${tag} style="${style}">`);
    }
    expect(problems).toEqual([]);
  });

  it('takes an image from the media library when a picker is set: stores the site path, shows it from the unit', async () => {
    document.documentElement.lang = 'vi';
    const rich = document.createElement('portal-rich-text') as RichText;
    rich.label = 'Nội dung';
    rich.mediaBase = '/t/so-tai-chinh';
    const src = '/media/0b7c4d1e-1a2b-4c3d-8e9f-000000000001/w1024.webp';
    let asked = 0;
    rich.pickImage = async () => (asked++, { src, alt: 'Cầu Hiền Lương' });
    rich.ask = () => {
      throw new Error('no prompt when a picker is set');
    };
    document.body.append(rich);
    await settle(rich);
    rich.querySelector<HTMLButtonElement>('button[data-command=image]')!.click();
    await settle(rich);
    expect(asked).toBe(1);
    expect(rich.html()).toContain(`<img src="${src}" alt="Cầu Hiền Lương">`);
    expect(rich.querySelector('.portal-rich-text-surface img')!.getAttribute('src')).toBe(`/t/so-tai-chinh${src}`);

    rich.pickImage = async () => ({ src: 'http://example.vn/x.png', alt: 'x' });
    rich.querySelector<HTMLButtonElement>('button[data-command=image]')!.click();
    await settle(rich);
    expect(rich.textContent).toContain('Địa chỉ ảnh không được phép');
  });

  it('moves along the toolbar with the arrow keys; every button is labelled', async () => {
    const rich = document.createElement('portal-rich-text') as RichText;
    document.body.append(rich);
    await settle(rich);
    const buttons = [...rich.querySelectorAll<HTMLButtonElement>('[role=toolbar] button')];
    expect(buttons.length).toBeGreaterThan(20);
    for (const b of buttons) expect(b.getAttribute('aria-label')).toBeTruthy();
    buttons[0]!.focus();
    buttons[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    expect(document.activeElement).toBe(buttons[1]);
    buttons[1]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }));
    expect(document.activeElement).toBe(buttons[0]);
  });
});
