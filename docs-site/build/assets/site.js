/* global document, location, matchMedia */
// The docs site's only script: opens the navigation on wide screens and runs the search page.
const root = document.documentElement.dataset.root ?? '';

const details = document.querySelector('.nav-details');
const wide = matchMedia('(min-width: 60em)');
const syncNav = () => {
  if (details) details.open = wide.matches;
};
syncNav();
wide.addEventListener('change', syncNav);

/** Case and diacritics folded, đ → d: "Bắt đầu" finds "bat dau" and the reverse. */
const fold = (text) => text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();

const results = document.getElementById('search-results');
if (results) {
  const query = new URLSearchParams(location.search).get('q') ?? '';
  const input = document.getElementById('search-q');
  if (input) input.value = query;
  const status = document.getElementById('search-status');
  const terms = fold(query).split(/\s+/).filter((t) => t.length > 1);
  if (terms.length === 0) {
    status.textContent = 'Nhập từ cần tìm. · Type what to look for.';
  } else {
    fetch(`${root}search-index.json`)
      .then((response) => response.json())
      .then((pages) => {
        const found = [];
        for (const page of pages) {
          const title = fold(page.t);
          const headings = fold(page.h.join(' '));
          const text = `${fold(page.x)} ${page.w}`;
          let score = 0;
          for (const term of terms) {
            const inText = text.includes(term);
            if (!inText && !title.includes(term) && !headings.includes(term)) {
              score = 0;
              break;
            }
            score += (title.includes(term) ? 10 : 0) + (headings.includes(term) ? 4 : 0) + (inText ? 1 : 0);
          }
          if (score > 0) found.push({ page, score, at: fold(page.x).indexOf(terms[0]) });
        }
        found.sort((a, b) => b.score - a.score);
        results.replaceChildren(
          ...found.slice(0, 30).map(({ page, at }) => {
            const item = document.createElement('li');
            const link = document.createElement('a');
            link.href = root + page.u;
            link.textContent = page.t;
            const snippet = document.createElement('span');
            snippet.className = 'snippet';
            snippet.textContent = at >= 0 ? `…${page.x.slice(Math.max(0, at - 60), at + 140)}…` : '';
            item.append(link, snippet);
            return item;
          }),
        );
        status.textContent = found.length ? `${found.length} trang · pages` : 'Không tìm thấy. · Nothing found.';
      })
      .catch(() => {
        status.textContent = 'Không tải được chỉ mục tìm kiếm. · The search index could not be loaded.';
      });
  }
}
