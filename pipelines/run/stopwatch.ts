/** Time and memory of one pipeline stage. */
export interface StageTiming {
  stage: string;
  ms: number;
  /** The process's resident-memory high-water mark when the stage ended, in MB. */
  peakRssMb: number;
}

/** Times stages and logs each as it ends. */
export class Stopwatch {
  readonly timings: StageTiming[] = [];
  constructor(private readonly log: (line: string) => void = () => {}) {}

  async stage<T>(name: string, work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    const result = await work();
    const timing = { stage: name, ms: Math.round(performance.now() - started), peakRssMb: peakRssMb() };
    this.timings.push(timing);
    this.log(`✓ ${name.padEnd(12)} ${(timing.ms / 1000).toFixed(2).padStart(8)} s   pico de memória ${timing.peakRssMb} MB`);
    return result;
  }
}

/** maxRSS is reported in kilobytes on Linux. */
export function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}
