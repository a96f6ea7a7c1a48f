import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES, ConfigError, readConfig } from './config.js';

function problemsWith(env: Record<string, string>): string {
  try {
    readConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('the configuration was accepted');
}

describe('configuration from the environment', () => {
  it("takes the school's name from SCHOOL_NAME, and from --school on the command line over it", () => {
    expect(readConfig({}, []).schoolName).toBe('');
    expect(readConfig({ SCHOOL_NAME: 'Roosevelt Middle' }, []).schoolName).toBe('Roosevelt Middle');
    expect(readConfig({ SCHOOL_NAME: 'Roosevelt Middle' }, ['--school', 'Lincoln Elementary']).schoolName).toBe('Lincoln Elementary');
    expect(readConfig({}, ['--school=Escuela Juárez']).schoolName).toBe('Escuela Juárez');
    expect(() => readConfig({ SCHOOL_NAME: 'x'.repeat(121) }, [])).toThrow(/SCHOOL_NAME must be at most 120 characters/);
  });

  it('with nothing set: port 8080 on every interface, ./data, ./slides, ./dist, links on the LAN address, info-level logs in DATA_DIR/logs', () => {
    const config = readConfig({});
    expect(config).toMatchObject({ port: 8080, host: '0.0.0.0', publicUrl: '', addressRatePerSecond: undefined });
    expect(config.dataDir).toBe(join(process.cwd(), 'data'));
    expect(config.slidesDir).toBe(join(process.cwd(), 'slides'));
    expect(config.webDir).toBe(join(process.cwd(), 'dist'));
    expect(config.log).toEqual({ level: 'info', dir: join(process.cwd(), 'data', 'logs'), fileBytes: 10 * 1024 * 1024, files: 10 });
  });

  it('reads every setting, and an empty variable counts as unset', () => {
    const config = readConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: '/srv/partnerdeck',
      PUBLIC_URL: 'https://workshop.district.org/',
      ADDRESS_RATE_PER_SECOND: '100000',
      ADDRESS_MAX_CONNECTIONS: '40000',
      LOG_LEVEL: 'warn',
      LOG_FILE_MB: '2',
      LOG_FILES: '5',
      SLIDES_DIR: '',
    });
    expect(config).toMatchObject({ port: 0, host: '127.0.0.1', dataDir: '/srv/partnerdeck', publicUrl: 'https://workshop.district.org', addressRatePerSecond: 100000, addressMaxConnections: 40000 });
    expect(config.slidesDir).toBe(join(process.cwd(), 'slides'));
    expect(config.log).toEqual({ level: 'warn', dir: '/srv/partnerdeck/logs', fileBytes: 2 * 1024 * 1024, files: 5 });
  });

  it('a bad value is named with what was given and what is expected', () => {
    expect(problemsWith({ PORT: 'abc' })).toBe('PORT must be a whole number from 0 to 65535, not "abc"');
    expect(problemsWith({ PORT: '65536' })).toBe('PORT must be a whole number from 0 to 65535, not "65536"');
    expect(problemsWith({ PORT: '80.5' })).toBe('PORT must be a whole number from 0 to 65535, not "80.5"');
    expect(problemsWith({ LOG_LEVEL: 'loud' })).toBe('LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, not "loud"');
    expect(problemsWith({ PUBLIC_URL: 'workshop.district.org' })).toBe(
      'PUBLIC_URL must be an http:// or https:// address such as https://workshop.district.org, not "workshop.district.org"',
    );
    expect(problemsWith({ LOG_FILES: '1' })).toBe('LOG_FILES must be a whole number from 2 to 1000, not "1"');
    expect(problemsWith({ ADDRESS_RATE_PER_SECOND: '0' })).toBe('ADDRESS_RATE_PER_SECOND must be a whole number from 1 to 10000000, not "0"');
    expect(problemsWith({ ADDRESS_MAX_CONNECTIONS: '2' })).toBe('ADDRESS_MAX_CONNECTIONS must be a whole number from 4 to 1000000, not "2"');
  });

  it('several bad values are all listed at once', () => {
    expect(problemsWith({ PORT: '-1', LOG_FILE_MB: 'ten' })).toBe(
      ['The configuration has 2 problems:', '  - PORT must be a whole number from 0 to 65535, not "-1"', '  - LOG_FILE_MB must be a whole number from 1 to 1024, not "ten"'].join('\n'),
    );
  });

  it('README’s configuration table lists exactly the variables the server reads', () => {
    const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');
    const section = /^## Configuration\n([\s\S]*?)^## /m.exec(readme)?.[1] ?? '';
    const documented = [...section.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]);
    expect(documented.toSorted()).toEqual([...CONFIG_VARIABLES].toSorted());
  });

  it('the server reads the environment only through this schema', () => {
    const serverDir = import.meta.dirname;
    const readers = (readdirSync(serverDir, { recursive: true }) as string[])
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
      .filter((file) => readFileSync(join(serverDir, file), 'utf8').includes('process.env'));
    // deck-check is its own command (`npm run deck:check`), not the server.
    expect(readers.toSorted()).toEqual(['config.ts', join('deck', 'deck-check.ts')]);
  });
});
