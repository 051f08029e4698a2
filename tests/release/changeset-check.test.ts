import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkChangesets, describeProblem } from '../../tools/release/check-changesets.js';
import { ScratchWorkspace } from './release-tools-support.js';

describe('the changeset check', () => {
  let ws: ScratchWorkspace;
  beforeEach(() => {
    ws = new ScratchWorkspace();
  });
  afterEach(() => ws.dispose());

  it('fails a change to a package that comes without a changeset, naming the package and a file', () => {
    ws.write('plugins/news/src/index.ts', 'export const x = 1;\n');
    ws.commit('change news');
    const result = checkChangesets(ws.root);
    expect(result.problems).toEqual([{ kind: 'missing', name: '@cong/plugin-news', file: 'plugins/news/src/index.ts', count: 1 }]);
    expect(describeProblem(result.problems[0]!)).toMatch(/@cong\/plugin-news.*changeset/);
  });

  it('passes when the same change adds a changeset naming the package', () => {
    ws.write('plugins/news/src/index.ts', 'export const x = 1;\n');
    ws.write('.changeset/news-x.md', "---\n'@cong/plugin-news': minor\n---\n\nAdds x.\n");
    ws.commit('change news with a changeset');
    expect(checkChangesets(ws.root)).toMatchObject({ checked: ['@cong/plugin-news'], problems: [] });
  });

  it('counts uncommitted and untracked files too, so it can run before committing', () => {
    ws.write('core/src/new-file.ts', 'export {};\n');
    expect(checkChangesets(ws.root).problems.map((p) => p.name)).toEqual(['@cong/core']);
    ws.write('.changeset/core-new.md', '---\n"@cong/core": patch\n---\n\nNew file.\n');
    expect(checkChangesets(ws.root).problems).toEqual([]);
  });

  it('a changeset for another package does not cover this one', () => {
    ws.write('plugins/news/src/index.ts', 'export const x = 1;\n');
    ws.write('core/src/index.ts', 'export const y = 1;\n');
    ws.write('.changeset/core-y.md', "---\n'@cong/core': patch\n---\n\nAdds y.\n");
    ws.commit('two packages, one changeset');
    expect(checkChangesets(ws.root).problems.map((p) => p.name)).toEqual(['@cong/plugin-news']);
  });

  it('ignores tests, changelogs, private or ignored packages and files outside packages', () => {
    ws.write('plugins/news/test/news.test.ts', 'export {};\n');
    ws.write('plugins/news/src/news.test.ts', 'export {};\n');
    ws.write('plugins/news/CHANGELOG.md', '# changelog\n');
    ws.write('tests/e2e/x.test.ts', 'export {};\n');
    ws.write('docs/guide.md', '# guide\n');
    ws.commit('no release needed');
    expect(checkChangesets(ws.root)).toMatchObject({ checked: [], problems: [] });
  });

  it('a release commit (versions changed, changesets consumed) needs no new changeset', () => {
    ws.write('.changeset/news-x.md', "---\n'@cong/plugin-news': minor\n---\n\nAdds x.\n");
    ws.write('plugins/news/src/index.ts', 'export const x = 1;\n');
    ws.commit('feature');
    ws.remove('.changeset/news-x.md');
    ws.write('plugins/news/package.json', JSON.stringify({ name: '@cong/plugin-news', version: '0.4.0', cong: { id: 'news', pluginApi: '^1.0.0' } }));
    ws.write('plugins/news/CHANGELOG.md', '# 0.4.0\n\nAdds x.\n');
    ws.commit('release');
    expect(checkChangesets(ws.root).problems).toEqual([]);
  });

  it('refuses a changeset naming a package that is not in the workspace', () => {
    ws.write('.changeset/typo.md', "---\n'@cong/plugin-nwes': patch\n---\n\nTypo.\n");
    expect(checkChangesets(ws.root).problems).toEqual([{ kind: 'unknown-package', name: '@cong/plugin-nwes', file: '.changeset/typo.md' }]);
  });

  it('compares with an explicit base when given one', () => {
    ws.write('core/src/index.ts', 'export const y = 1;\n');
    ws.commit('core change');
    ws.write('docs/x.md', 'x\n');
    ws.commit('docs');
    expect(checkChangesets(ws.root).problems).toEqual([]);
    expect(checkChangesets(ws.root, { since: 'HEAD~2' }).problems.map((p) => p.name)).toEqual(['@cong/core']);
  });
});
