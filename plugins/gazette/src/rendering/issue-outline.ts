import { PDFHexString, PDFName, PDFNull, type PDFDocument, type PDFRef } from 'pdf-lib';

/** One bookmark of the issue: its title and the 1-based page it opens. */
export interface OutlineEntry {
  readonly title: string;
  readonly page: number;
}

/**
 * Writes a flat document outline (bookmarks) and asks viewers to show it: a 500-page issue is read by
 * jumping to a document, and the viewer's sidebar is where readers look first. pdf-lib has no outline
 * API, so the dictionaries are written as PDF 1.7 §12.3.3 describes them.
 */
export function addIssueOutline(issue: PDFDocument, entries: readonly OutlineEntry[]): void {
  if (entries.length === 0) return;
  const { context } = issue;
  const outlineRef = context.nextRef();
  const itemRefs: PDFRef[] = entries.map(() => context.nextRef());
  entries.forEach((entry, index) => {
    const page = issue.getPage(entry.page - 1);
    const item = context.obj({
      Title: PDFHexString.fromText(entry.title),
      Parent: outlineRef,
      Dest: context.obj([page.ref, PDFName.of('XYZ'), PDFNull, PDFNull, PDFNull]),
    });
    if (index > 0) item.set(PDFName.of('Prev'), itemRefs[index - 1]!);
    if (index < entries.length - 1) item.set(PDFName.of('Next'), itemRefs[index + 1]!);
    context.assign(itemRefs[index]!, item);
  });
  context.assign(
    outlineRef,
    context.obj({ Type: 'Outlines', First: itemRefs[0]!, Last: itemRefs.at(-1)!, Count: entries.length }),
  );
  issue.catalog.set(PDFName.of('Outlines'), outlineRef);
  issue.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}
