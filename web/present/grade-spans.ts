/** A strategy's grades as the room reads them: runs of neighbouring grades joined ("3–5"), the others listed ("K, 2, 7–8"). */
export function gradeSpans(grades: readonly string[], all: readonly string[]): string {
  const at = [...new Set(grades.map((g) => all.indexOf(g)).filter((i) => i >= 0))].sort((x, y) => x - y);
  const runs: [number, number][] = [];
  for (const i of at) {
    const last = runs[runs.length - 1];
    if (last && last[1] === i - 1) last[1] = i;
    else runs.push([i, i]);
  }
  return runs.map(([from, to]) => (from === to ? all[from] : `${all[from]}–${all[to]}`)).join(', ');
}
