// Starts a TypeScript worker when the app runs from sources (npm run serve, tests): registers
// tsx's loader in this thread, then imports the worker module named in workerData.entry.
// Built apps start the compiled worker directly and never load this file.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
