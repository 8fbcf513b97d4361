// The options of `npm start`, from flags and environment variables, checked before anything starts.
import { parseArgs } from 'node:util';
import { integerEnv, optionalEnv } from '#shared/config/settings.ts';

/** What the local stack runs with. */
export interface StartOptions {
  apiPort: number;
  dynamoPort: number;
  demoPort: number;
  dataDir: string;
  demo: boolean;
  outlets?: string;
  roster?: string;
}

export const startUsage =
  'usage: npm start -- [--port <n>] [--demo] [--outlets <file>] [--roster <file>] [--data-dir <dir>]\n' +
  '       (environment: TRACKER_PORT, TRACKER_DYNAMODB_PORT, TRACKER_DEMO_PORT, TRACKER_DATA_DIR,\n' +
  '        OUTLETS_FILE, ROSTER_FILE, TABLE_NAME)';

/** Reads the options; throws an Error with a one-line reason when one is wrong. */
export function readStartOptions(argv: string[]): StartOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      demo: { type: 'boolean', default: false },
      outlets: { type: 'string' },
      roster: { type: 'string' },
      'data-dir': { type: 'string' },
    },
    allowPositionals: false,
  });
  return {
    apiPort: values.port === undefined ? integerEnv('TRACKER_PORT', 3000) : port('--port', values.port),
    dynamoPort: integerEnv('TRACKER_DYNAMODB_PORT', 8000),
    demoPort: integerEnv('TRACKER_DEMO_PORT', 3100),
    dataDir: values['data-dir'] ?? optionalEnv('TRACKER_DATA_DIR', '.local') ?? '.local',
    demo: values.demo ?? false,
    ...(values.outlets ? { outlets: values.outlets } : {}),
    ...(values.roster ? { roster: values.roster } : {}),
  };
}

function port(flag: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > 65_535) {
    throw new Error(`${flag} must be a port number from 1 to 65535, got "${text}"`);
  }
  return value;
}
