import { Worker } from 'node:worker_threads';
import { SnapshotFile } from '../../snapshot/RepositorySnapshot';
import { ResolvedPolicySettings } from '../RuleContext';

/** What a timed scan is given: the snapshot's files and extra paths, and the settings. */
export interface TimedScanInput {
  files: Record<string, string | SnapshotFile>;
  extraPaths?: string[];
  settings: ResolvedPolicySettings;
}

// Plain CommonJS run by the worker: the engine's TypeScript loaded through the Backstage
// CLI's node transform, as `yarn bench` and the CLI load it.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
require(workerData.transform);
const { scanSnapshot } = require(workerData.scanModule);
const { snapshotFromFiles } = require(workerData.snapshotModule);
function timeScan({ files, extraPaths, settings }) {
  const snapshot = snapshotFromFiles(files, { extraPaths });
  const started = performance.now();
  scanSnapshot(snapshot, { settings });
  return performance.now() - started;
}
parentPort.on('message', ({ id, input }) => {
  try {
    parentPort.postMessage({ id, ms: timeScan(input) });
  } catch (e) {
    parentPort.postMessage({ id, error: String(e && e.stack || e) });
  }
});
`;

/**
 * Times scans in a worker thread, outside jest's sandbox. Jest runs every module, the
 * dependencies too, inside a `vm` context, where each access to a global (`Math`, `Map`,
 * `Array`...) goes through the context's interceptors and costs ~50 times more than in
 * plain node; dockerfile-ast does such lookups hundreds of thousands of times for a large
 * Dockerfile. A time budget measured there says more about jest than about the engine, so
 * time budgets are checked here, where the engine runs as in the backend and the CLI.
 */
export class PlainNodeScanTimer {
  private readonly worker: Worker;
  private nextId = 0;
  private readonly pending = new Map<
    number,
    { resolve: (ms: number) => void; reject: (e: Error) => void }
  >();

  constructor() {
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        transform: require.resolve('@backstage/cli/config/nodeTransform.cjs'),
        scanModule: require.resolve('../scan'),
        snapshotModule: require.resolve('../../snapshot/RepositorySnapshot'),
      },
    });
    this.worker.on(
      'message',
      (message: { id: number; ms?: number; error?: string }) => {
        const waiting = this.pending.get(message.id);
        if (!waiting) return;
        this.pending.delete(message.id);
        if (message.error !== undefined)
          waiting.reject(new Error(message.error));
        else waiting.resolve(message.ms ?? Number.NaN);
      },
    );
    this.worker.on('error', (error: Error) => {
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    });
  }

  /** Milliseconds one scan of the input takes in plain node. */
  time(input: TimedScanInput): Promise<number> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, input });
    });
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}
