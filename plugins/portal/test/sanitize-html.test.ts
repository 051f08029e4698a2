import { describe, expect, it } from 'vitest';
import { plainText, sanitizeRichText } from '../src/html/sanitize-html.js';

/** Whatever the payload became, nothing in it can run: no script-bearing element, attribute or URL. */
function expectInert(out: string): void {
  // sanitize-html always writes attribute values in double quotes with `"` escaped, so blanking the
  // values leaves the markup itself: a payload inside a title is text, not an attribute.
  const markup = out.replace(/="[^"]*"/gu, '=""');
  expect(markup).not.toMatch(/<\s*(script|style|svg|math|iframe|object|embed|form|input|button|textarea|xmp|noscript|template|base|meta|link|frame|frameset|video|audio|source|details|marquee|isindex)\b/iu);
  expect(markup).not.toMatch(/\son[a-z]+\s*=/iu);
  expect(markup).not.toMatch(/\s(style|srcset|formaction|action|xlink:href|id|name|srcdoc|background|poster|dynsrc|lowsrc)\s*=/iu);
  expect(out).not.toMatch(/(href|src)\s*=\s*"\s*(javascript|vbscript|data|file|about)\s*:/iu);
  expect(out).not.toMatch(/javascript\s*:/iu);
  expect(out).not.toMatch(/<!--/u);
}

// SECURITY.md §6.4 family 4, the sanitize-html advisories (§3) and the classic OWASP filter-evasion vectors.
const XSS_CORPUS: readonly string[] = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '<<script>script>alert(1)<</script>/script>',
  '<img src=x onerror=alert(1)>',
  '<img src="https://a.vn/x.png" alt="a" onerror="alert(1)">',
  '<img src=x onerror="alert(1)"//',
  '<IMG SRC="javascript:alert(1);" alt="x">',
  '<IMG SRC=JaVaScRiPt:alert(1) alt=x>',
  '<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#49;&#41; alt=x>',
  '<IMG SRC=&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000049&#0000041 alt=x>',
  '<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x31&#x29 alt=x>',
  '<img srcset="https://a.vn/x.png 1x, javascript:alert(1) 2x" src="https://a.vn/x.png" alt="a">',
  '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+" alt="a">',
  '<img src="//evil.example/x.png" alt="a">',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<svg><use href="data:image/svg+xml;base64,PHN2ZyBpZD0neCc+PC9zdmc+#x"></use></svg>',
  '<svg><textarea><img src=x onerror=alert(1)></textarea></svg>',
  '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">',
  '<math><mi><style><img src=x onerror=alert(1)></style></mi></math>',
  '<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;/mglyph&gt;&lt;img&Tab;src=1&Tab;onerror=alert(1)&gt;">',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<xmp><img src=x onerror=alert(1)></xmp>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<noembed><img title="</noembed><img src=x onerror=alert(1)>"></noembed>',
  '<template><img src=x onerror=alert(1)></template>',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="JaVaScRiPt:alert(1)">x</a>',
  '<a href=" javascript:alert(1)">x</a>',
  '<a href="jav&#x09;ascript:alert(1)">x</a>',
  '<a href="jav&#x0A;ascript:alert(1)">x</a>',
  '<a href="jav&#x0D;ascript:alert(1)">x</a>',
  '<a href="jav\tascript:alert(1)">x</a>',
  '<a href="&#1;javascript:alert(1)">x</a>',
  '<a href="&#x6A;avascript&colon;alert(1)">x</a>',
  '<a href="javascript&#58;alert(1)">x</a>',
  '<a href="java\u0000script:alert(1)">x</a>',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  '<a href="//evil.example">x</a>',
  '<a href="/\\evil.example">x</a>',
  '<a href="\\\\evil.example">x</a>',
  '<a href="https://a.vn" onclick="alert(1)" style="color:red">x</a>',
  '<a href="https://a.vn"" onmouseover="alert(1)">x</a>',
  '<a title=\'x" onmouseover="alert(1)\' href="https://a.vn">x</a>',
  '<p title="a\' onmouseover=\'alert(1)">x</p>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<style>body{background:url(javascript:alert(1))}</style>',
  '<p style="background:url(javascript:alert(1))">x</p>',
  '<div style="width: expression(alert(1))">x</div>',
  '<form action="javascript:alert(1)"><input type="submit"></form>',
  '<form><button formaction="javascript:alert(1)">x</button></form>',
  '<base href="javascript:alert(1)//">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<link rel="stylesheet" href="javascript:alert(1)">',
  '<body onload=alert(1)>',
  '<details open ontoggle=alert(1)>',
  '<video><source onerror="alert(1)"></video>',
  '<marquee onstart=alert(1)>',
  '<p id="__proto__" name="cookie">x</p>',
  '<img name="cookie" id="x" src="https://a.vn/x.png" alt="a">',
  '<!--<img src=x onerror=alert(1)>-->',
  '<!--[if gte IE 4]><script>alert(1)</script><![endif]-->',
  '<p>\u003cscript\u003ealert(1)\u003c/script\u003e</p>',
  '<p>\\u003cscript\\u003ealert(1)\\u003c/script\\u003e</p>',
  '<a href="https://a.vn" target="_blank" rel="opener">x</a>',
  '<p>{{constructor.constructor(\'alert(1)\')()}}</p>',
];

describe('sanitizeRichText: the XSS corpus comes out inert', () => {
  it.each(XSS_CORPUS.map((p) => [p]))('%s', (payload) => {
    const out = sanitizeRichText(payload);
    expectInert(out);
    // Sanitising is idempotent: the output is a fixed point.
    expect(sanitizeRichText(out)).toBe(out);
  });

  it('stays inert and idempotent on spliced payloads (seeded, 2,000 runs)', () => {
    let seed = 0x2026;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const pieces = [...XSS_CORPUS, '<p>', '</p>', '<a href="https://a.vn">', '</a>', '"', "'", '<', '>', '&', '=', '/', '<table><tr><td>', '<!--', '-->', 'Đ', '\u0000'];
    for (let run = 0; run < 2000; run++) {
      let payload = '';
      for (let k = 0, n = 2 + next(4); k < n; k++) {
        const piece = pieces[next(pieces.length)]!;
        const cut = next(piece.length + 1);
        payload += next(2) === 0 ? piece : piece.slice(0, cut);
      }
      const out = sanitizeRichText(payload);
      expectInert(out);
      expect(sanitizeRichText(out), payload).toBe(out);
    }
  });

  it('sanitises a 16 KB article quickly (STACK.md measured 3.3 ms)', () => {
    const article = '<h2>Điều 1. Phạm vi</h2><p>Quy định về <strong>bảng giá đất</strong> trên địa bàn tỉnh, <a href="https://vbpl.vn/x">xem văn bản</a>.</p><ul><li><p>Khoản 1</p></li></ul>'.repeat(100);
    expect(article.length).toBeGreaterThan(16_000);
    sanitizeRichText(article);
    const started = performance.now();
    for (let i = 0; i < 10; i++) expect(sanitizeRichText(article)).toBe(article);
    expect((performance.now() - started) / 10).toBeLessThan(100);
  });

  it('keeps the text of a link it unwraps, and drops an image it cannot keep', () => {
    // sanitize-html 2.18.1 closed a later unclosed element with a discarded tag's name (`</cong-discard>`)
    // when the sanitiser renamed tags to discard them; it unwraps through exclusiveFilter instead.
    expect(sanitizeRichText('<a href="data:x">x</a><a href="https://a.vn">y')).toBe('x<a href="https://a.vn">y</a>');
    expect(sanitizeRichText('<img src=x><a href="https://a.vn">y')).toBe('<a href="https://a.vn">y</a>');
    expect(sanitizeRichText('<a href="bad">x</a><p><a href="https://a.vn">y</p>')).toBe('x<p><a href="https://a.vn">y</a></p>');
    expect(sanitizeRichText('<a href="jav&#x09;ascript:alert(1)">đọc thêm</a>')).toBe('đọc thêm');
    expect(sanitizeRichText('<p><img src=x onerror=alert(1)>a</p>')).toBe('<p>a</p>');
    expect(sanitizeRichText('<scr<script>ipt>alert(1)</script>')).not.toContain('<script');
  });

  it('forces rel="noopener noreferrer" on target=_blank, whatever rel came in', () => {
    expect(sanitizeRichText('<a href="https://a.vn" target="_blank" rel="opener">x</a>')).toBe('<a href="https://a.vn" target="_blank" rel="noopener noreferrer">x</a>');
    expect(sanitizeRichText('<a href="https://a.vn" target="_BLANK">x</a>')).toBe('<a href="https://a.vn" target="_blank" rel="noopener noreferrer">x</a>');
    expect(sanitizeRichText('<a href="https://a.vn" target="_top">x</a>')).toBe('<a href="https://a.vn">x</a>');
    // Tiptap's Link extension emits this form; it survives as is.
    expect(sanitizeRichText('<a target="_blank" rel="noopener noreferrer nofollow" href="https://a.vn">x</a>')).toBe('<a href="https://a.vn" target="_blank" rel="nofollow noopener noreferrer">x</a>');
  });

  it('accepts http, https, mailto, phone numbers, same-site paths and fragments as link targets, nothing else', () => {
    for (const href of ['http://a.vn/x', 'https://a.vn/x?y=1&amp;z=2', 'mailto:vanthu@tinh.gov.vn', 'tel:+84 233 3852 134', 'tel:0233.3852.134', '/van-ban/41-2019', '#dieu-3']) {
      expect(sanitizeRichText(`<a href="${href}">x</a>`)).toBe(`<a href="${href}">x</a>`);
    }
    for (const href of ['tel:javascript:alert(1)', 'tel:', 'tel:abc', 'ftp://a.vn', 'file:///etc/passwd', 'x.html', '//a.vn', '/\\a.vn', 'https:/a.vn']) {
      expect(sanitizeRichText(`<a href="${href}">x</a>`)).toBe('x');
    }
  });

  it('takes images only from https, the platform files or the media library, and only with alt text', () => {
    expect(sanitizeRichText('<img src="https://a.vn/x.png" alt="Trụ sở UBND">')).toBe('<img src="https://a.vn/x.png" alt="Trụ sở UBND" />');
    expect(sanitizeRichText('<img src="/files/2f1c0d" alt="Ảnh" width="640" height="480">')).toBe('<img src="/files/2f1c0d" alt="Ảnh" width="640" height="480" />');
    expect(sanitizeRichText('<img src="https://a.vn/x.png">')).toBe('');
    expect(sanitizeRichText('<img src="https://a.vn/x.png" alt="">')).toBe('');
    expect(sanitizeRichText('<img src="https://a.vn/x.png" alt="   ">')).toBe('');
    expect(sanitizeRichText('<img src="http://a.vn/x.png" alt="a">')).toBe('');
    expect(sanitizeRichText('<img src="/files/../admin" alt="a">')).toBe('');
    expect(sanitizeRichText('<img src="/other/x.png" alt="a">')).toBe('');
    // The unit's media library: the cleaned original or a derivative, by id; nothing else under /media/.
    const id = '0b7c4d1e-1a2b-4c3d-8e9f-000000000001';
    expect(sanitizeRichText(`<img src="/media/${id}/w640.webp" alt="Hội nghị">`)).toBe(`<img src="/media/${id}/w640.webp" alt="Hội nghị" />`);
    expect(sanitizeRichText(`<img src="/media/${id}/goc" alt="Hội nghị">`)).toBe(`<img src="/media/${id}/goc" alt="Hội nghị" />`);
    for (const bad of [`/media/${id}/../../admin`, `/media/${id}/w640.svg`, '/media/x/goc', `/media/${id}/goc?x=1`]) expect(sanitizeRichText(`<img src="${bad}" alt="a">`), bad).toBe('');
    expect(sanitizeRichText('<img src="https://a.vn/x.png" alt="a" width="100%">')).toBe('<img src="https://a.vn/x.png" alt="a" />');
  });

  it('keeps no iframe, not even from a video host (embedded videos are a later decision)', () => {
    expect(sanitizeRichText('<iframe src="https://www.youtube.com/embed/x"></iframe><p>a</p>')).toBe('<p>a</p>');
  });
});

describe('sanitizeRichText: allowed markup survives', () => {
  const KEPT: readonly string[] = [
    '<p>Xin chào <strong>Việt Nam</strong>, <em>nghiêng</em>, <u>gạch dưới</u>, <s>gạch ngang</s>, H<sub>2</sub>O, m<sup>2</sup>.</p>',
    '<h2>Điều 1</h2><h3>Khoản 1</h3><h4>Điểm a</h4>',
    '<p class="text-center">Giữa</p><h2 class="text-right">Phải</h2>',
    '<ul><li><p>Một</p></li><li><p>Hai</p><ol start="3"><li><p>Ba</p></li></ol></li></ul>',
    '<blockquote><p>Trích dẫn</p></blockquote>',
    '<pre><code class="language-ts">const a = 1 &lt; 2 &amp;&amp; b;</code></pre><p>Mã <code>x</code></p>',
    '<p>a<br />b</p><hr />',
    '<table><colgroup><col /><col /></colgroup><thead><tr><th colspan="2">Đầu</th></tr></thead><tbody><tr><td rowspan="2">Ô 1</td><td>Ô 2</td></tr></tbody></table>',
    '<figure><img src="/files/abc" alt="Quang cảnh hội nghị" /><figcaption>Hội nghị tỉnh</figcaption></figure>',
    '<p><a href="https://vbpl.vn/x" title="Văn bản">Quyết định 41/2019/QĐ-UBND</a></p>',
    '<p>Ký tự đặc biệt: &lt;b&gt; &amp; "ngoặc" \'đơn\' — đồng ₫ 😀</p>',
  ];
  it.each(KEPT.map((h) => [h]))('%s', (html) => {
    expect(sanitizeRichText(html)).toBe(html);
  });

  it('maps what a paste brings onto the editor schema', () => {
    expect(sanitizeRichText('<h1>A</h1><h5>B</h5><h6>C</h6>')).toBe('<h2>A</h2><h4>B</h4><h4>C</h4>');
    expect(sanitizeRichText('<b>a</b><i>b</i><strike>c</strike><del>d</del>')).toBe('<strong>a</strong><em>b</em><s>c</s><s>d</s>');
    expect(sanitizeRichText('<p style="text-align: center; color: red">a</p>')).toBe('<p class="text-center">a</p>');
    expect(sanitizeRichText('<p class="evil text-justify">a</p>')).toBe('<p class="text-justify">a</p>');
    expect(sanitizeRichText('<div><span style="color:red">a</span></div>')).toBe('a');
    expect(sanitizeRichText('<table style="min-width: 50px"><tbody><tr><td colspan="1" rowspan="1" colwidth="100"><p>a</p></td></tr></tbody></table>')).toBe(
      '<table><tbody><tr><td colspan="1" rowspan="1"><p>a</p></td></tr></tbody></table>',
    );
    expect(sanitizeRichText('<td colspan="0">a</td>')).toBe('<td>a</td>');
  });

  it('strips comments', () => {
    expect(sanitizeRichText('<p>a<!-- ghi chú --></p><!-- x -->')).toBe('<p>a</p>');
  });

  it('leaves Vietnamese NFC text byte-identical and composes NFD', () => {
    const nfc = 'Nguyễn Thị Đào — Ủy ban nhân dân tỉnh Quảng Trị, Quyết định số 41/2019/QĐ-UBND';
    expect(sanitizeRichText(`<p>${nfc}</p>`)).toBe(`<p>${nfc}</p>`);
    expect(sanitizeRichText(`<p>${nfc.normalize('NFD')}</p>`)).toBe(`<p>${nfc}</p>`);
  });
});

describe('plainText', () => {
  it('gives the text with block boundaries as spaces, entities decoded, NFC', () => {
    expect(plainText('<h2>Điều 1</h2><p>Quy định <strong>chung</strong> &amp; riêng</p><ul><li>a</li><li>b</li></ul>')).toBe('Điều 1 Quy định chung & riêng a b');
    expect(plainText('<p>a<br>b</p>')).toBe('a b');
    expect(plainText('<p>1 &lt; 2&nbsp;&nbsp;và "x"</p>')).toBe('1 < 2 và "x"');
    expect(plainText('<p>Nguye\u0302\u0303n</p>')).toBe('Nguyễn');
  });

  it('drops the content of script, style and the like', () => {
    expect(plainText('<p>a</p><script>alert(1)</script><style>p{}</style><svg><text>x</text></svg><p>b</p>')).toBe('a b');
    expect(plainText('<!-- c --><p>a</p>')).toBe('a');
  });
});
