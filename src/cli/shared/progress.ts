import cliProgress from 'cli-progress';
import type { CollectProgress } from '../../scan/index.ts';
import type { CliIo } from '../io.ts';

const MIN_BYTES_FOR_BAR = 64 * 1024 * 1024;

/**
 * Progress on a TTY (stderr), silent elsewhere: a bar for hashing large packs, and one line per
 * location opened while following the release's links.
 */
export function createHashProgress(
  io: CliIo,
  label: string,
): { update: CollectProgress; stop(): void } | undefined {
  if (!io.stderr.isTTY) return undefined;
  let bar: cliProgress.SingleBar | undefined;
  return {
    update(event) {
      if (event.phase === 'follow') {
        if (!bar) io.stderr.write(`  reading linked location ${event.opened}: ${event.target}\n`);
        return;
      }
      if (event.bytesTotal < MIN_BYTES_FOR_BAR) return;
      if (!bar) {
        bar = new cliProgress.SingleBar(
          {
            stream: io.stderr as NodeJS.WritableStream,
            format: `verifying checksums of ${label} [{bar}] {percentage}% | {value}/{total} MiB | {eta}s`,
            hideCursor: true,
            clearOnComplete: true,
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(Math.ceil(event.bytesTotal / 2 ** 20), 0);
      }
      bar.update(Math.floor(event.bytesDone / 2 ** 20));
    },
    stop() {
      bar?.stop();
    },
  };
}
