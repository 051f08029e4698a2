import { createRequire } from 'node:module';
import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * The exports of built declaration files (`dist/index.d.ts`), each with its kind and the first
 * sentence of its doc comment, read with the TypeScript compiler the workspace already has (the
 * docs builder does not depend on it: it is resolved from the repository root). One program for all
 * entry points, without other packages' types, keeps this to a few hundred milliseconds.
 */
export function readDeclarationExports(repoRoot, entryFiles) {
  const requireFromRoot = createRequire(join(repoRoot, 'package.json'));
  const ts = requireFromRoot('typescript');
  // Only the packages' own declarations (every .d.ts of their dist, for the shared chunks) and the
  // ES5 lib (Readonly, Record): other packages' types (kysely, node) are not needed for names and
  // comments, and resolving them would cost seconds.
  const roots = new Set(entryFiles);
  for (const entry of entryFiles) {
    let dist = dirname(entry);
    while (basename(dist) !== 'dist' && dirname(dist) !== dist) dist = dirname(dist);
    if (basename(dist) !== 'dist') continue;
    for (const file of readdirSync(dist, { recursive: true })) if (String(file).endsWith('.d.ts')) roots.add(join(dist, String(file)));
  }
  roots.add(join(dirname(requireFromRoot.resolve('typescript')), 'lib.es5.d.ts'));
  const program = ts.createProgram([...roots], { noEmit: true, noResolve: true, noLib: true, skipLibCheck: true, types: [], module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext });
  const checker = program.getTypeChecker();
  const result = new Map();
  for (const file of entryFiles) {
    const source = program.getSourceFile(file);
    const moduleSymbol = source && checker.getSymbolAtLocation(source);
    if (!moduleSymbol) {
      result.set(file, []);
      continue;
    }
    const exports = checker.getExportsOfModule(moduleSymbol).map((exported) => {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const doc = ts.displayPartsToString(symbol.getDocumentationComment(checker));
      const members = [];
      // Namespace-like constants (`coreEvents`) document their members one by one.
      const declaration = symbol.valueDeclaration;
      if (declaration && symbol.flags & ts.SymbolFlags.Variable) {
        for (const property of checker.getPropertiesOfType(checker.getTypeOfSymbolAtLocation(symbol, declaration))) {
          if (property.declarations?.some((d) => d.getSourceFile().hasNoDefaultLib)) continue;
          const memberDoc = ts.displayPartsToString(property.getDocumentationComment(checker));
          if (memberDoc) members.push({ name: property.getName(), doc: firstSentence(memberDoc) });
        }
      }
      return { name: exported.getName(), kind: kindOf(ts, symbol), doc: firstSentence(doc), members };
    });
    result.set(file, exports.sort((a, b) => a.name.localeCompare(b.name)));
  }
  return result;
}

function kindOf(ts, symbol) {
  const f = symbol.flags;
  if (f & ts.SymbolFlags.Function) return 'function';
  if (f & ts.SymbolFlags.Class) return 'class';
  if (f & ts.SymbolFlags.Interface) return 'interface';
  if (f & ts.SymbolFlags.TypeAlias) return 'type';
  if (f & ts.SymbolFlags.Enum) return 'enum';
  if (f & ts.SymbolFlags.Variable) return 'const';
  return 'export';
}

/** Up to the first full stop followed by a space or the end, on one line. */
export function firstSentence(text) {
  const flat = text.replace(/\s+/g, ' ').trim();
  // A sentence ends before a capital (or the end): "Art. 112" and "e.g. x" stay inside.
  const match = /^(.+?[.!?])(?:\s+(?=[A-ZÀ-Ỹ(`*])|$)/u.exec(flat);
  return (match ? match[1] : flat).slice(0, 300);
}
