// Child process for the SIGKILL test: starts an engine on the data folder given as the first
// argument, submits the first N azap026 lines (second argument) and prints the request id as a
// JSON line. It then keeps running until the test kills it.

import { JobEngine } from '../../src-main/engine/job-engine.js';
import { azapMaterials, silentLogger, TEST_SETTINGS } from './helpers.js';

const [dataDir, count] = process.argv.slice(2);
if (!dataDir || !count) throw new Error('usage: engine-child.ts DATA_DIR LINE_COUNT');

const engine = await JobEngine.start({ dataDir, settings: TEST_SETTINGS, logger: silentLogger });
const { requestId } = engine.submit({ materials: await azapMaterials(Number(count)), supplier: 'ООО Стройснаб' });
process.stdout.write(`${JSON.stringify({ requestId })}\n`);
