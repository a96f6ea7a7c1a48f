import { networkInterfaces } from 'node:os';
import { resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  slidesDir: string;
  webDir: string;
  publicUrl: string;
}

/** Settings come from the environment: PORT, HOST, DATA_DIR, PUBLIC_URL, SLIDES_DIR. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: resolve(env.DATA_DIR ?? './data'),
    slidesDir: resolve(env.SLIDES_DIR ?? './slides'),
    webDir: resolve(env.WEB_DIR ?? './dist'),
    publicUrl: (env.PUBLIC_URL ?? '').replace(/\/+$/, ''),
  };
}

/**
 * Phones must reach the server over the room's Wi-Fi, so links use this machine's
 * address on the local network, not localhost. PUBLIC_URL wins when the server sits
 * behind a proxy or a name.
 */
export function publicUrlFor(config: Config, actualPort: number): string {
  if (config.publicUrl) return config.publicUrl;
  const address = Object.values(networkInterfaces())
    .flat()
    .find((net) => net && net.family === 'IPv4' && !net.internal)?.address;
  return `http://${address ?? 'localhost'}:${actualPort}`;
}
