import { relative } from 'node:path';

const PNPM = 'npx -y pnpm@12.4.2';

/** What the user runs after the scaffolder, in order, as printed lines. */
export function nextSteps(created: {
  readonly id: string;
  readonly packageName: string;
  readonly dir: string;
  readonly mode: 'workspace' | 'standalone';
  readonly cwd: string;
  readonly checkout: string | undefined;
  readonly addedTo: string | undefined;
  readonly admin: boolean;
  readonly widgets: boolean;
}): string[] {
  const { id, packageName } = created;
  const admin = created.admin ? ` — trang quản trị / admin page: http://127.0.0.1:3000/admin/${id}?tenant=so-tai-chinh` : '';
  if (created.mode === 'workspace') {
    const root = created.checkout!;
    const inRoot = relative(created.cwd, root);
    const cong = 'node core/dist/cli/main.js';
    return [
      ...(inRoot ? [`cd ${inRoot}`] : []),
      // The lockfile gains the package: an install under CI is frozen by default and would refuse.
      `${PNPM} install --no-frozen-lockfile   # liên kết gói mới / links the new package${created.addedTo ? ' (package.json gốc đã liệt kê nó / the root package.json now lists it)' : ''}`,
      `${PNPM} --filter ${packageName} build`,
      `npx vitest run --project node ${relative(root, created.dir).split('\\').join('/')}   # kiểm thử / tests (CONG_TEST_MYSQL_URL=mysql://… cho MySQL)`,
      `${cong} plugins verify ${relative(root, created.dir).split('\\').join('/')}`,
      ...(created.addedTo
        ? []
        : [`# thêm "${packageName}": "workspace:*" vào devDependencies của package.json gốc để bản demo nạp nó / add it to the root package.json devDependencies so the demo loads it`]),
      `${cong} start   # bản demo nạp plugin / the demo loads the plugin${admin}`,
      `${cong} plugins enable ${id} --tenant so-tai-chinh   # bật mặc định cho mọi đơn vị; lệnh này bật lại sau khi tắt / on for every unit by default; this turns it back on after a disable`,
    ];
  }
  const into = relative(created.cwd, created.dir) || '.';
  return [
    ...(into !== '.' ? [`cd ${into}`] : []),
    `${PNPM} install`,
    `${PNPM} build`,
    `${PNPM} test   # SQLite; CONG_TEST_MYSQL_URL=mysql://root@127.0.0.1:3306/test cũng chạy trên MySQL / also runs on MySQL`,
    `${PNPM} exec cong plugins verify .`,
    `# dùng trong một dự án Cổng / use it in a Cổng project: cài gói (install the package) rồi liệt kê "${packageName}" trong "plugins" của cong.config.json (then list it in cong.config.json "plugins"), rồi / then: cong plugins enable ${id} --tenant <slug>`,
  ];
}
