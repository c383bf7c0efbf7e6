// The desktop app's log: JSON lines (pino) to stderr and to a file in the data folder, because a
// packaged app started from the desktop has no visible stderr.

import pino, { type Logger } from 'pino';

// NOTE: the log file is appended to and never rotated.
export function createDesktopLogger(logFile: string, level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  const file = pino.destination({ dest: logFile, mkdir: true, append: true, sync: true });
  return pino({ level }, pino.multistream([{ stream: process.stderr, level: 'trace' }, { stream: file, level: 'trace' }]));
}
