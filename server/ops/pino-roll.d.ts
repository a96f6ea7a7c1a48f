// pino-roll ships no types; this is the part of its API the server uses.
declare module 'pino-roll' {
  import type { EventEmitter } from 'node:events';

  interface PinoRollOptions {
    file: string;
    size?: string | number;
    frequency?: 'daily' | 'hourly' | number;
    extension?: string;
    dateFormat?: string;
    symlink?: boolean;
    limit?: { count: number; removeOtherLogFiles?: boolean };
    /** Passed on to its file stream (sonic-boom). */
    mkdir?: boolean;
    sync?: boolean;
  }

  /** The rolling file stream (a sonic-boom stream): pino writes lines to it. */
  export interface RollingFile extends EventEmitter {
    write(line: string): boolean;
    end(): void;
    readonly destroyed: boolean;
  }

  export default function pinoRoll(options: PinoRollOptions): Promise<RollingFile>;
}
