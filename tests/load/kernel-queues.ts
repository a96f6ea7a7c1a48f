import { readFileSync } from 'node:fs';

/**
 * The machine's count of connections the kernel dropped because a listening socket's accept
 * queue was full (Linux, /proc/net/netstat: TcpExt ListenOverflows). A phone whose
 * connection is dropped there waits for its TCP stack to send the SYN again (1, 3, 7, 15,
 * 31 s after the first): a wait the server never sees and so cannot refuse. Machine-wide,
 * so read it under the shared lock; null where the file is not there.
 */
export function listenOverflows(): number | null {
  try {
    const lines = readFileSync('/proc/net/netstat', 'utf8').split('\n');
    for (let i = 0; i + 1 < lines.length; i += 2) {
      if (!lines[i].startsWith('TcpExt:')) continue;
      const names = lines[i].split(/\s+/);
      const values = lines[i + 1].split(/\s+/);
      const at = names.indexOf('ListenOverflows');
      return at > 0 ? Number(values[at]) : null;
    }
    return null;
  } catch {
    return null;
  }
}
