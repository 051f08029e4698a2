import sharp, { type Sharp } from 'sharp';
import { PORTAL_ERR_MEDIA_IMAGE_INVALID, PORTAL_ERR_MEDIA_IMAGE_TOO_LARGE } from '../errors.js';

/** Widths of the WebP derivatives a page picks from with `srcset`. */
export const WEBP_WIDTHS: readonly number[] = [320, 640, 1024, 1600];
/** Width of the JPEG/PNG for browsers and feed readers without WebP. */
export const FALLBACK_WIDTH = 1024;
/**
 * Decoding is refused beyond this many pixels (8000 × 5000): a small file can decode to gigabytes
 * (a "decompression bomb"), and no page shows more than 1600 px.
 */
export const MAX_INPUT_PIXELS = 40_000_000;
/** Images processed at once in this process; each takes libvips threads and up to ~200 MB. */
const MAX_CONCURRENT = 2;

/** Image types the library processes; others (GIF, SVG, TIFF) are not accepted as images. */
export const IMAGE_TYPES: Readonly<Record<string, 'jpeg' | 'png' | 'webp'>> = { 'image/jpeg': 'jpeg', 'image/png': 'png', 'image/webp': 'webp' };

/** One encoded image: the original without metadata, or a derivative. */
export interface EncodedImage {
  /** `goc` for the original, else the URL segment: `w640.webp`, `w1024.jpg`. */
  readonly name: string;
  readonly contentType: string;
  readonly width: number;
  readonly height: number;
  readonly bytes: Buffer;
}

export interface DerivedImages {
  /** The upload turned upright, re-encoded in its own format, with no EXIF/XMP/IPTC (no GPS). */
  readonly original: EncodedImage;
  readonly variants: readonly EncodedImage[];
}

let running = 0;
const waiting: (() => void)[] = [];

async function withSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/** The widths to derive for an image `width` px wide: the standard ones below it, and its own when under the largest. */
export function derivativeWidths(width: number): number[] {
  const widths = WEBP_WIDTHS.filter((w) => w < width);
  if (width <= WEBP_WIDTHS[WEBP_WIDTHS.length - 1]!) widths.push(width);
  return widths;
}

/**
 * The original and the derivatives of an uploaded JPEG, PNG or WebP. Every output is turned upright
 * from the EXIF orientation and written without metadata: sharp copies none unless asked, so the
 * location (GPS), camera serial and the author's software never reach the public. Never enlarges.
 */
export async function deriveImage(input: Buffer, contentType: string): Promise<DerivedImages> {
  const format = IMAGE_TYPES[contentType];
  if (!format) throw PORTAL_ERR_MEDIA_IMAGE_INVALID.create({ reason: `${contentType} is not processed` });
  return withSlot(async () => {
    const open = () => sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error', autoOrient: true });
    try {
      const hasAlpha = (await open().metadata()).hasAlpha === true;
      const encode = async (name: string, pipeline: Sharp, type: string): Promise<EncodedImage> => {
        const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
        return { name, contentType: type, width: info.width, height: info.height, bytes: data };
      };
      const original = await encode(
        'goc',
        format === 'jpeg' ? open().jpeg({ quality: 90, mozjpeg: true }) : format === 'png' ? open().png({ compressionLevel: 9 }) : open().webp({ quality: 90 }),
        contentType,
      );
      const variants: EncodedImage[] = [];
      for (const width of derivativeWidths(original.width)) {
        variants.push(await encode(`w${width}.webp`, open().resize({ width, withoutEnlargement: true }).webp({ quality: 80 }), 'image/webp'));
      }
      const fallback = Math.min(FALLBACK_WIDTH, original.width);
      variants.push(
        hasAlpha
          ? await encode(`w${fallback}.png`, open().resize({ width: fallback, withoutEnlargement: true }).png({ compressionLevel: 9 }), 'image/png')
          : await encode(`w${fallback}.jpg`, open().resize({ width: fallback, withoutEnlargement: true }).flatten({ background: '#ffffff' }).jpeg({ quality: 82, mozjpeg: true }), 'image/jpeg'),
      );
      return { original, variants };
    } catch (error) {
      const message = (error as Error).message ?? String(error);
      if (/pixel limit/i.test(message)) throw PORTAL_ERR_MEDIA_IMAGE_TOO_LARGE.create({ limit: MAX_INPUT_PIXELS }, { errors: [{ in: 'body', pointer: '/file', message: `has more than ${MAX_INPUT_PIXELS} pixels`, keyword: 'maxPixels' }], cause: error });
      throw PORTAL_ERR_MEDIA_IMAGE_INVALID.create({ reason: message.slice(0, 200) }, { errors: [{ in: 'body', pointer: '/file', message: 'is not a readable image', keyword: 'contentMediaType' }], cause: error });
    }
  });
}
