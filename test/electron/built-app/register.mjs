// Node module hook for the built-app test: `import 'electron'` loads fake-electron.mjs instead.
import { register } from 'node:module';

register(new URL('./resolve-electron.mjs', import.meta.url));
