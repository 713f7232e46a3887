/**
 * Small helpers the benchmark files share: timing samples, percentiles, heap size, and printing
 * one figure a line.
 */

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx]!;
}

export async function sample(times: number, fn: () => unknown): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

export function heapMB(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

export function report(name: string, value: string): void {
  console.log(`  ${name.padEnd(58)} ${value}`);
}

export function ms(n: number): string {
  return `${n.toFixed(n < 10 ? 2 : 0)} ms`;
}
