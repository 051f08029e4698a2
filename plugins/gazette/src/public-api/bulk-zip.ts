import { PassThrough, type Readable } from 'node:stream';
import { strToU8, Zip, ZipDeflate } from 'fflate';

/** Adds one JSON file to the archive; resolves when the client has taken enough to go on. */
export type AddJson = (name: string, value: unknown) => Promise<void>;

function drained(out: PassThrough): Promise<void> {
  if (!out.writableNeedDrain || out.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
  });
}

/**
 * A ZIP of JSON files, streamed as it is produced (fflate's streaming `Zip`): `produce` adds the files
 * one by one and waits whenever the client is slower than the database, so a year of documents is
 * never held in memory. A client that goes away stops the production (`add` then reports it by
 * returning and `isClosed` turns true).
 */
export function streamedJsonZip(produce: (add: AddJson, isClosed: () => boolean) => Promise<void>): Readable {
  const out = new PassThrough();
  const zip = new Zip((error, chunk, final) => {
    if (out.destroyed) return;
    if (error) {
      out.destroy(error);
      return;
    }
    out.write(Buffer.from(chunk));
    if (final) out.end();
  });
  const add: AddJson = async (name, value) => {
    if (out.destroyed) return;
    const file = new ZipDeflate(name, { level: 6 });
    zip.add(file);
    file.push(strToU8(`${JSON.stringify(value, null, 2)}\n`), true);
    await drained(out);
  };
  produce(add, () => out.destroyed).then(
    () => {
      if (!out.destroyed) zip.end();
    },
    (error: Error) => out.destroy(error),
  );
  return out;
}
