import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Image types a page of `docs/` may show: those the core's `/docs` serves (`STATIC_TYPES`). */
const IMAGE = /\.(png|svg|webp)$/i;

/**
 * Copies every image under `docs/` to the same place in the site (`docs/guides/images/admin/x.png` →
 * `guides/images/admin/x.png`), so `![…](images/admin/x.png)` in `docs/guides/*.md` works both on
 * the site and in the repository. Returns the copied paths, relative to the site.
 */
export function copyImages(repoRoot, outDir) {
  const copied = [];
  const walk = (dir, prefix) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(join(dir, entry.name), rel);
      else if (IMAGE.test(entry.name)) {
        mkdirSync(dirname(join(outDir, rel)), { recursive: true });
        copyFileSync(join(dir, entry.name), join(outDir, rel));
        copied.push(rel);
      }
    }
  };
  walk(join(repoRoot, 'docs'), '');
  return copied;
}
