/**
 * `/hoi-dap/goi-y.js`: the question form's progressive enhancement (QA-06). While the citizen types a
 * title, it asks `GET …/api/qa/public/suggestions` (the form names the address in `data-suggest`) and
 * lists the similar published questions under the title. It builds the list with DOM calls and
 * `textContent` only (never markup from the answer), links only to `/hoi-dap/…` paths, and does
 * nothing where `fetch` is missing: the form's "Tìm câu hỏi tương tự" button does the same without it.
 * A file, not an inline script, so the page's CSP stays `script-src 'self'`.
 */
export const SUGGESTION_SCRIPT = `(() => {
  'use strict';
  const form = document.querySelector('form[data-suggest]');
  const title = document.getElementById('q-title');
  const box = document.getElementById('q-suggestions');
  if (!form || !title || !box || typeof fetch !== 'function') return;
  const endpoint = form.getAttribute('data-suggest');
  const prefix = form.getAttribute('data-link-prefix') || '';
  let timer;
  let last = '';
  let controller;
  const render = (items) => {
    box.replaceChildren();
    const safe = items.filter((item) => item && typeof item.title === 'string' && typeof item.path === 'string' && /^\\/hoi-dap\\/[a-z0-9-]+$/.test(item.path));
    if (safe.length === 0) return;
    const intro = document.createElement('p');
    intro.textContent = 'Câu hỏi tương tự đã được trả lời (similar questions already answered):';
    const list = document.createElement('ul');
    for (const item of safe) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = prefix + item.path;
      a.textContent = item.title;
      li.append(a);
      if (typeof item.field === 'string') li.append(' (' + item.field + ')');
      list.append(li);
    }
    box.append(intro, list);
  };
  title.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const q = title.value.trim();
      if (q === last) return;
      last = q;
      if (controller) controller.abort();
      if (q.length < 8) { render([]); return; }
      controller = new AbortController();
      try {
        const res = await fetch(endpoint + '?q=' + encodeURIComponent(q), { signal: controller.signal, headers: { accept: 'application/json' } });
        if (!res.ok) return;
        const body = await res.json();
        render(Array.isArray(body.items) ? body.items : []);
      } catch (error) {
        // Aborted by newer typing, offline or limited: the button still works.
      }
    }, 400);
  });
})();
`;
