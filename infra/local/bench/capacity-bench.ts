/**
 * The benchmark's capacity section: every API operation's read and write units (measured on
 * DynamoDB Local with the demo data, infra/local/capacity/) against its declared budget. Units
 * are deterministic, so `quick` measures the same operations: the run is a few seconds of
 * requests plus the demo seed, and later operations depend on earlier ones.
 */
import type { MeasuredOperation } from '../capacity/measure-operations.js';
import type { BenchFigure, BenchSection } from './bench-figure.js';

const figure = (
  m: Pick<MeasuredOperation, 'operation' | 'minimum'>,
  unit: 'RCU' | 'WCU',
  value: number,
  budget: number,
  minimum: number,
): BenchFigure => ({
  section: 'capacity',
  name: m.operation,
  unit,
  value,
  baseline: budget,
  baselineName: 'budget',
  ...(budget > 0 ? { ratio: value / budget } : {}),
  target: `≤ budget ${budget} ${unit}`,
  pass: value <= budget,
  detail: `minimum ${minimum} ${unit}`,
});

/** A reads figure for every operation, and a writes figure for every one that writes or may. */
export const capacityFigures = (measured: readonly MeasuredOperation[]): BenchFigure[] =>
  measured.flatMap((m) => [
    figure(m, 'RCU', m.read, m.budget.read, m.minimum.read),
    ...(m.write > 0 || m.budget.write > 0
      ? [figure(m, 'WCU', m.write, m.budget.write, m.minimum.write)]
      : []),
  ]);

export const benchCapacity: BenchSection = async () => {
  // Imported late: measuring loads lib/, which must see the environment the runner set.
  const { measureOperations } = await import('../capacity/measure-operations.js');
  return capacityFigures(await measureOperations());
};
