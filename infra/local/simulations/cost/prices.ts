/**
 * Published on-demand prices, US East (N. Virginia), first pricing tier of each service (a
 * 20-store group is far below every tier boundary), free tiers left out so that the figure is
 * what the traffic costs, not what a new account happens to pay. Read from the pages in
 * `sources` on the date below; docs/cost.md prints both. For another region, pass that region's
 * table to the cost model: the shape is the same.
 */
export interface PriceTable {
  region: string;
  /** When the prices were read (ISO date). */
  checkedOn: string;
  /** HTTP API, per million requests (metered in 512 KB increments). */
  apiGatewayHttpPerMillion: number;
  lambdaRequestsPerMillion: number;
  /** arm64, per GB-second (duration rounded up to 1 ms; INIT billed as well since August 2025). */
  lambdaArmPerGbSecond: number;
  /** On-demand write request units, per million (a transactional write of ≤ 1 KB is 2). */
  dynamodbWritePerMillion: number;
  /** On-demand read request units, per million (eventually consistent ≤ 4 KB is 0.5). */
  dynamodbReadPerMillion: number;
  /** Custom events put on a bus, per million (each 64 KB chunk of a PutEvents entry is one). */
  eventBridgeEventsPerMillion: number;
  /** S3 Standard PUT, COPY, POST, LIST, per thousand. */
  s3PutsPerThousand: number;
  /** SQS standard queue requests, per million. */
  sqsRequestsPerMillion: number;
  sources: Readonly<Record<string, string>>;
}

export const US_EAST_1_PRICES: PriceTable = {
  region: 'us-east-1',
  checkedOn: '2026-12-01',
  apiGatewayHttpPerMillion: 1.0,
  lambdaRequestsPerMillion: 0.2,
  lambdaArmPerGbSecond: 0.0000133334,
  // After the 50 % cut of on-demand throughput prices of 1 November 2024.
  dynamodbWritePerMillion: 0.625,
  dynamodbReadPerMillion: 0.125,
  eventBridgeEventsPerMillion: 1.0,
  s3PutsPerThousand: 0.005,
  sqsRequestsPerMillion: 0.4,
  sources: {
    'API Gateway': 'https://aws.amazon.com/api-gateway/pricing/',
    Lambda: 'https://aws.amazon.com/lambda/pricing/',
    'Lambda INIT billing':
      'https://aws.amazon.com/blogs/compute/aws-lambda-standardizes-billing-for-init-phase/',
    DynamoDB: 'https://aws.amazon.com/dynamodb/pricing/on-demand/',
    EventBridge: 'https://aws.amazon.com/eventbridge/pricing/',
    S3: 'https://aws.amazon.com/s3/pricing/',
    SQS: 'https://aws.amazon.com/sqs/pricing/',
  },
};
