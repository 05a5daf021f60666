import { describe, expect, it } from 'vitest';
import { appDefinition } from '../../../infra/app-definition.js';
import { capacityFigures } from '../../../infra/local/bench/capacity-bench.js';
import { CAPACITY_BUDGETS } from '../../../infra/local/capacity/capacity-budgets.js';
import {
  measuredInDoc,
  readPerformanceDoc,
  summaryRow,
  summaryRowsInDoc,
} from '../../../infra/local/capacity/capacity-doc.js';
import { overBudget, withBudgets } from '../../../infra/local/capacity/measure-operations.js';
import { capacityOperations } from '../../../infra/local/capacity/operations.js';

const operations = capacityOperations();

describe('capacity operations and budgets', () => {
  it('measures every HTTP function, each operation once', () => {
    const httpFunctions = Object.entries(appDefinition.functions)
      .filter(([, fn]) => fn.triggers.some((trigger) => trigger.kind === 'http'))
      .map(([name]) => name);
    expect(new Set(operations.map((op) => op.functionName))).toEqual(new Set(httpFunctions));
    const names = operations.map((op) => op.operation);
    expect(new Set(names).size).toBe(names.length);
  });

  it('declares a budget for every operation and none for an operation that is not measured', () => {
    expect(Object.keys(CAPACITY_BUDGETS).sort()).toEqual(operations.map((op) => op.operation).sort());
  });

  it('holds every minimum at or below its budget, each with its reason', () => {
    for (const [operation, { budget, minimum, why }] of Object.entries(CAPACITY_BUDGETS)) {
      expect(minimum.read, operation).toBeLessThanOrEqual(budget.read);
      expect(minimum.write, operation).toBeLessThanOrEqual(budget.write);
      expect(minimum.read, operation).toBeGreaterThanOrEqual(0);
      expect(why, operation).toMatch(/^[A-Z].{20,}\.$/);
    }
  });

  it('lists the operations in docs/performance.md in the order measured, with today’s budgets (npm run perf:docs)', () => {
    const doc = readPerformanceDoc();
    const stated = measuredInDoc(doc);
    expect(
      stated.map((row) => row.operation),
      'run `npm run perf:docs`',
    ).toEqual(operations.map((op) => op.operation));
    // The measured columns are the capacity test's to check; budgets, minimums and reasons are checked here.
    const expected = stated.map((row) => {
      const declared = CAPACITY_BUDGETS[row.operation];
      if (!declared) throw new Error(`${row.operation} has no budget`);
      return summaryRow({ ...row, ...declared });
    });
    expect(summaryRowsInDoc(doc), 'run `npm run perf:docs`').toEqual(expected);
  });
});

describe('overBudget', () => {
  const at = {
    operation: 'createOrder',
    route: 'POST /orders',
    read: 6,
    write: 34,
    budget: { read: 6, write: 34 },
  };

  it('passes an operation at its budget', () => {
    expect(overBudget([at])).toEqual([]);
  });

  it('names an operation over its budget in reads or in writes', () => {
    expect(
      overBudget([
        { ...at, write: 35 },
        { ...at, operation: 'getOrder', read: 6.5 },
      ]),
    ).toEqual([
      'createOrder: 6 RCU / 35 WCU, budget 6 RCU / 34 WCU',
      'getOrder: 6.5 RCU / 34 WCU, budget 6 RCU / 34 WCU',
    ]);
  });
});

describe('the benchmark’s capacity figures', () => {
  const measured = {
    operation: 'recordOrderPayment (part)',
    functionName: 'recordOrderPayment',
    route: 'POST /orders/{orderId}/payments',
    read: 1.5,
    write: 24,
    budget: { read: 1.5, write: 22 },
    minimum: { read: 1.5, write: 6 },
    why: 'Because.',
    calls: [],
  };

  it('sets reads and writes against their budgets, failing what is over', () => {
    expect(capacityFigures([measured])).toEqual([
      expect.objectContaining({
        section: 'capacity',
        unit: 'RCU',
        value: 1.5,
        baseline: 1.5,
        ratio: 1,
        pass: true,
      }),
      expect.objectContaining({
        unit: 'WCU',
        value: 24,
        baseline: 22,
        baselineName: 'budget',
        target: '≤ budget 22 WCU',
        pass: false,
        detail: 'minimum 6 WCU',
      }),
    ]);
  });

  it('gives an operation that writes nothing no writes figure, and a zero budget no ratio', () => {
    const figures = capacityFigures([{ ...measured, read: 0, write: 0, budget: { read: 0, write: 0 } }]);
    expect(figures).toHaveLength(1);
    expect(figures[0]).not.toHaveProperty('ratio');
    expect(figures[0]?.pass).toBe(true);
  });
});

describe('withBudgets', () => {
  it('refuses an operation without a declared budget', () => {
    const reading = { read: 0, write: 0, calls: [] };
    expect(() =>
      withBudgets([
        { operation: 'mystery', functionName: 'health', route: 'GET /health', status: 200, reading },
      ]),
    ).toThrow(/mystery has no capacity budget/);
  });
});
