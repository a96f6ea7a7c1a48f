/**
 * Whether the client takes gzip: named in Accept-Encoding without `q=0`. (Every browser
 * sends `gzip, deflate, br`; a client that sends nothing gets plain bytes.)
 */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  for (const entry of header.toLowerCase().split(',')) {
    const [name, ...params] = entry.trim().split(';');
    if (name.trim() !== 'gzip' && name.trim() !== '*') continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return !q || Number(q.slice(2)) > 0;
  }
  return false;
}

/** Whether If-None-Match names this entity tag (weak comparison, as for a GET). */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((tag) => bare(tag) === bare(etag));
}
