import type { PriceTable } from './prices.js';

/**
 * What one kind of invocation uses, per invocation, and how many there are. Every figure is an
 * input: the capacity units come from the capacity measurement (`measureOperations()`, infra/local/capacity/), durations
 * from the benchmark or the stated assumptions, counts from the workload; the model only prices.
 */
export interface UsageLine {
  name: string;
  /** Invocations in the period priced (may be fractional: 0.3 stream batches per order). */
  count: number;
  /** Behind the HTTP API (one API Gateway request per invocation). */
  http: boolean;
  /** The Lambda function's configured memory, MB. */
  memoryMb: number;
  /** Warm duration, ms (billed rounded up to the next ms). */
  durationMs: number;
  /** INIT of a cold start, ms, and how many cold starts per 1,000 invocations (billed since August 2025). */
  initMs: number;
  coldStartsPer1000: number;
  /** DynamoDB read and write request units consumed by one invocation (as ConsumedCapacity reports them). */
  readUnits: number;
  writeUnits: number;
  /** Events put on the bus, S3 PUTs, SQS requests by one invocation. */
  events: number;
  s3Puts: number;
  sqsRequests: number;
}

export const SERVICES = [
  'API Gateway',
  'Lambda requests',
  'Lambda compute',
  'DynamoDB writes',
  'DynamoDB reads',
  'EventBridge',
  'S3',
  'SQS',
] as const;
export type Service = (typeof SERVICES)[number];

export type ServiceCosts = Record<Service, number>;

export interface CostReport {
  byService: ServiceCosts;
  byLine: { name: string; count: number; costs: ServiceCosts; total: number }[];
  total: number;
}

const zero = (): ServiceCosts => Object.fromEntries(SERVICES.map((service) => [service, 0])) as ServiceCosts;

/** GB-seconds of one invocation: its warm duration plus its share of cold INITs. */
export const gbSecondsPerInvocation = (line: UsageLine): number =>
  (line.memoryMb / 1024) *
  ((Math.ceil(line.durationMs) + (line.coldStartsPer1000 / 1000) * Math.ceil(line.initMs)) / 1000);

/** Prices usage lines at a price table, in US dollars. Pure: the same inputs give the same bill. */
export const costOf = (lines: readonly UsageLine[], prices: PriceTable): CostReport => {
  const byService = zero();
  const byLine = lines.map((line) => {
    const costs: ServiceCosts = {
      'API Gateway': line.http ? (line.count * prices.apiGatewayHttpPerMillion) / 1e6 : 0,
      'Lambda requests': (line.count * prices.lambdaRequestsPerMillion) / 1e6,
      'Lambda compute': line.count * gbSecondsPerInvocation(line) * prices.lambdaArmPerGbSecond,
      'DynamoDB writes': (line.count * line.writeUnits * prices.dynamodbWritePerMillion) / 1e6,
      'DynamoDB reads': (line.count * line.readUnits * prices.dynamodbReadPerMillion) / 1e6,
      EventBridge: (line.count * line.events * prices.eventBridgeEventsPerMillion) / 1e6,
      S3: (line.count * line.s3Puts * prices.s3PutsPerThousand) / 1e3,
      SQS: (line.count * line.sqsRequests * prices.sqsRequestsPerMillion) / 1e6,
    };
    for (const service of SERVICES) byService[service] += costs[service];
    return {
      name: line.name,
      count: line.count,
      costs,
      total: SERVICES.reduce((sum, s) => sum + costs[s], 0),
    };
  });
  return { byService, byLine, total: SERVICES.reduce((sum, s) => sum + byService[s], 0) };
};

/** The same lines with every count multiplied (per order → per 1,000 orders, per day → per month). */
export const scaleLines = (lines: readonly UsageLine[], factor: number): UsageLine[] =>
  lines.map((line) => ({ ...line, count: line.count * factor }));
