import { coreServices, type PluginContext } from '@cong/sdk';

/** The bytes of a file the plugin stored through the core files service. */
export async function storedFileBytes(ctx: PluginContext, fileId: string): Promise<Uint8Array> {
  const stream = await ctx.get(coreServices.files).open(fileId);
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
  return new Uint8Array(Buffer.concat(chunks));
}
