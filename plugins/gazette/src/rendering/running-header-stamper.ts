import { degrees, PDFDocument, type PDFFont, type PDFPage, popGraphicsState, pushGraphicsState, rgb } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import { readFontFile, type IssueFonts } from './issue-fonts.js';

const MM = 72 / 25.4;
/** Distance from the top edge to the header's baseline; documents keep ≥ 20 mm free at the top (NĐ 30/2020). */
const BASELINE_FROM_TOP = 12 * MM;
const SIDE_MARGIN = 20 * MM;
const HEADER_SIZE = 10.5;
const NUMBER_SIZE = 12;

/**
 * Stamps the running header (GAZ-20) onto pages of the merged issue. The document pages arrive as
 * PDFs, so the header is drawn on top of them: "CÔNG BÁO/Số 243 + 244/Ngày 29-11-2026" and the page
 * number, the number on the outer edge (right on odd pages, left on even ones) and the header text on
 * the inner side, over a thin rule. The fonts are embedded once, subset, in the target document.
 */
export class RunningHeaderStamper {
  private constructor(
    private readonly text: string,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
  ) {}

  static async embed(target: PDFDocument, fonts: IssueFonts, text: string): Promise<RunningHeaderStamper> {
    target.registerFontkit(fontkit);
    const [regular, bold] = await Promise.all([
      target.embedFont(readFontFile(fonts.regular), { subset: true }),
      target.embedFont(readFontFile(fonts.bold), { subset: true }),
    ]);
    return new RunningHeaderStamper(text, regular, bold);
  }

  stamp(page: PDFPage, pageNumber: number): void {
    isolateExistingContent(page);
    const view = displayFrame(page);
    const y = view.height - BASELINE_FROM_TOP;
    const left = SIDE_MARGIN;
    const right = view.width - SIDE_MARGIN;
    const number = String(pageNumber);
    const numberWidth = this.regular.widthOfTextAtSize(number, NUMBER_SIZE);
    const textWidth = this.bold.widthOfTextAtSize(this.text, HEADER_SIZE);
    const odd = pageNumber % 2 === 1;
    const black = rgb(0, 0, 0);
    const rotate = degrees(view.rotation);
    page.drawText(number, { ...view.toPage(odd ? right - numberWidth : left, y), rotate, size: NUMBER_SIZE, font: this.regular, color: black });
    page.drawText(this.text, { ...view.toPage(odd ? left : right - textWidth, y), rotate, size: HEADER_SIZE, font: this.bold, color: black });
    page.drawLine({ start: view.toPage(left, y - 4), end: view.toPage(right, y - 4), thickness: 0.5, color: black });
  }
}

/**
 * The page as a reader sees it: width and height after /Rotate, and a map from those coordinates
 * (origin at the visible bottom-left) to the page's own. A landscape appendix saved as a rotated
 * portrait page still gets its header along the visible top edge.
 */
function displayFrame(page: PDFPage): { width: number; height: number; rotation: number; toPage(u: number, v: number): { x: number; y: number } } {
  const { x: x0, y: y0, width: w, height: h } = page.getCropBox();
  const rotation = (((page.getRotation().angle % 360) + 360) % 360) as 0 | 90 | 180 | 270;
  const sideways = rotation === 90 || rotation === 270;
  const toPage = (u: number, v: number) => {
    switch (rotation) {
      case 90:
        return { x: x0 + w - v, y: y0 + u };
      case 180:
        return { x: x0 + w - u, y: y0 + h - v };
      case 270:
        return { x: x0 + v, y: y0 + h - u };
      default:
        return { x: x0 + u, y: y0 + v };
    }
  };
  return { width: sideways ? h : w, height: sideways ? w : h, rotation, toPage };
}

/**
 * Wraps the page's own content in q … Q. Producers such as pdfkit flip the coordinate system at the
 * start of a page and never restore it; drawn after that unbalanced state, the header would come out
 * upside down or off the page.
 */
function isolateExistingContent(page: PDFPage): void {
  const { context } = page.doc;
  page.node.normalize();
  const start = context.register(context.contentStream([pushGraphicsState()]));
  const end = context.register(context.contentStream([popGraphicsState()]));
  page.node.wrapContentStreams(start, end);
}
