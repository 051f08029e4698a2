import { CONG_ERR_PLUGIN_HOOK_FAILED, CONG_ERR_PLUGIN_HOOK_TIMEOUT } from '../errors.js';
import { CongError } from '@cong/sdk';

/**
 * Runs a plugin hook with a timeout. A hook that throws or rejects becomes CONG_ERR_PLUGIN_HOOK_FAILED,
 * one that overruns CONG_ERR_PLUGIN_HOOK_TIMEOUT; a hung hook keeps running, but nobody waits for it.
 */
export async function runHook(plugin: string, hook: string, timeoutMs: number, work: () => unknown): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(CONG_ERR_PLUGIN_HOOK_TIMEOUT.create({ plugin, hook, timeoutMs })), timeoutMs);
    timer.unref();
  });
  try {
    await Promise.race([Promise.resolve().then(work), timeout]);
  } catch (error) {
    if (CONG_ERR_PLUGIN_HOOK_TIMEOUT.is(error)) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw CONG_ERR_PLUGIN_HOOK_FAILED.create({ plugin, hook, reason }, { cause: CongError.is(error) ? error : error });
  } finally {
    clearTimeout(timer);
  }
}
