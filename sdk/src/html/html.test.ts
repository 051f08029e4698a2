import { expect, it } from 'vitest';
import { escapeXml, html, jsonForScript, SafeHtml, trustedHtml } from './html.js';

it('escapes every interpolation that is not a fragment, renders lists and drops null, undefined and false', () => {
  const name = '<script>alert("x")</script> & \'b\' `c`';
  const page = html`<p title="${name}">${name}</p>${[html`<i>${'a<b'}</i>`, 'c>d']}${null}${undefined}${false}${0}`;
  expect(page.toString()).toBe('<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;b&#39; &#96;c&#96;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;b&#39; &#96;c&#96;</p><i>a&lt;b</i>c&gt;d0');
  expect(trustedHtml('<b>đã lọc</b>').toString()).toBe('<b>đã lọc</b>');
  expect(() => new SafeHtml('<x>', Symbol('SafeHtml'))).toThrow(TypeError);
});

it('keeps JSON-LD inside its script element and XML well-formed', () => {
  expect(jsonForScript({ name: '</script><!-- x & y \u2028' }).toString()).toBe('{"name":"\\u003c/script\\u003e\\u003c!-- x \\u0026 y \\u2028"}');
  expect(escapeXml('Quyết định <số 1> & "2" \'3\'\u0000\u0008\uFFFE\uD800 🏠')).toBe('Quyết định &lt;số 1&gt; &amp; &quot;2&quot; &apos;3&apos; 🏠');
});
