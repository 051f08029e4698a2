import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A throwaway git repository laid out like the workspace: the release tools read nothing else. */
export class ScratchWorkspace {
  readonly root = mkdtempSync(join(tmpdir(), 'cong-release-test-'));

  constructor() {
    this.git('init', '-q', '-b', 'main');
    this.git('config', 'user.email', 'test@cong.invalid');
    this.git('config', 'user.name', 'test');
    this.write('pnpm-workspace.yaml', "packages:\n  - core\n  - 'plugins/*'\n  - tests\n");
    this.write('.changeset/config.json', JSON.stringify({ baseBranch: 'main', ignore: ['@cong/tests'] }));
    this.write('.changeset/README.md', 'changesets\n');
    this.write('core/package.json', JSON.stringify({ name: '@cong/core', version: '0.1.0' }));
    this.write('core/src/index.ts', 'export {};\n');
    this.write('plugins/news/package.json', JSON.stringify({ name: '@cong/plugin-news', version: '0.3.0', cong: { id: 'news', pluginApi: '^1.0.0' } }));
    this.write('plugins/news/src/index.ts', 'export {};\n');
    this.write('tests/package.json', JSON.stringify({ name: '@cong/tests', version: '0.0.0', private: true }));
    this.commit('start');
  }

  write(path: string, text: string): void {
    mkdirSync(dirname(join(this.root, path)), { recursive: true });
    writeFileSync(join(this.root, path), text);
  }

  remove(path: string): void {
    rmSync(join(this.root, path));
  }

  commit(message: string): void {
    this.git('add', '-A');
    this.git('commit', '-q', '-m', message);
  }

  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.root, encoding: 'utf8' });
  }

  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}
