// `npm run serve`: the engine, the localhost API and the browser UI without the desktop shell.

import path from 'node:path';
import { parseArgs } from 'node:util';

import pino from 'pino';

import { defaultDataDir } from '../config/paths.js';
import { BUILT_UI, startRuntime } from '../engine/app-runtime.js';
import { UserError } from '../errors.js';
import { detectLanguage } from './args.js';

const USAGE = {
  ru: `Запуск движка, локального API и веб-интерфейса.

  npm run serve -- [--port N] [--data-dir ПАПКА] [--model ПАПКА] [--workers N]

  --port N            порт на 127.0.0.1 (по умолчанию 8765; 0 — любой свободный)
  --data-dir ПАПКА    папка данных (по умолчанию папка приложения пользователя)
  --model ПАПКА       папка ONNX-модели для transformers.js вместо встроенного эмбеддера
  --workers N         число рабочих потоков (по умолчанию ядра минус 1, от 1 до 5)
`,
  en: `Start the engine, the local API and the web UI.

  npm run serve -- [--port N] [--data-dir DIR] [--model DIR] [--workers N]

  --port N            port on 127.0.0.1 (default 8765; 0 picks a free one)
  --data-dir DIR      data folder (default: the user's application-data folder)
  --model DIR         ONNX model folder for transformers.js instead of the built-in embedder
  --workers N         worker threads (default: cores minus 1, from 1 to 5)
`,
};

async function main(argv: string[]): Promise<void> {
  const lang = detectLanguage(argv);
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      model: { type: 'string' },
      workers: { type: 'string' },
      lang: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE[lang]);
    return;
  }

  const port = Number(values.port ?? 8765);
  const workers = values.workers === undefined ? undefined : Number(values.workers);
  if (!Number.isInteger(port) || port < 0 || port > 65535 || (workers !== undefined && (!Number.isInteger(workers) || workers < 1 || workers > 16))) {
    throw new UserError('invalid_argument', {
      ru: 'Неверные параметры: --port должен быть числом от 0 до 65535, --workers — от 1 до 16.',
      en: 'Invalid options: --port must be a number from 0 to 65535, --workers from 1 to 16.',
    });
  }

  const dataDir = path.resolve(values['data-dir'] ?? defaultDataDir());
  const logger = pino({ level: process.env.LOG_LEVEL ?? 'info' }, pino.destination(2));
  const runtime = await startRuntime({
    dataDir,
    port,
    staticDir: BUILT_UI,
    logger,
    modelDir: values.model ?? null,
    settings: workers === undefined ? {} : { workers },
  });

  process.stdout.write(
    lang === 'ru'
      ? `Materials Matcher работает: ${runtime.url}\nТокен API: ${runtime.tokenFile}\nПапка данных: ${dataDir}\nОстановка: Ctrl+C\n`
      : `Materials Matcher is running: ${runtime.url}\nAPI token: ${runtime.tokenFile}\nData folder: ${dataDir}\nStop: Ctrl+C\n`,
  );

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ event: 'signal', signal }, 'stopping');
    runtime.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ event: 'stop_failed', error: String(error) }, 'stop failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

const argv = process.argv.slice(2);
main(argv).catch((error: unknown) => {
  const lang = detectLanguage(argv);
  process.stderr.write(`${error instanceof UserError ? error.format(lang) : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = error instanceof UserError && error.code === 'invalid_argument' ? 2 : 1;
});
