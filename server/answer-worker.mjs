// Entry of an answer worker thread. On Node 20 a Worker ignores `--import tsx` in its execArgv
// (nodejs/node#47747), so the worker registers tsx itself before loading the TypeScript body.
import { register } from 'tsx/esm/api';

register();
await import('./answer-worker.ts');
