/**
 * The HTTP events the capacity measurement sends: the sample events of events/http/ (each
 * answers 2xx on the demo data, test/integration/demo-seed.test.ts proves it), and variants of them
 * with another body or path, built here so that a variant stays a valid API Gateway event.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { HttpEvent } from '../../../lib/http/http-handler.js';
import { REPO_ROOT } from '../repo-paths.js';

export const SAMPLE_EVENTS_DIR = join(REPO_ROOT, 'events/http');

/** `create-order` → `createOrder`: sample files are named after their function. */
export const functionNameOfSample = (file: string): string =>
  basename(file, '.json').replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());

/** Every sample's file name without `.json`, in file order (the order test/integration/demo-seed.test.ts runs them). */
export const sampleNames = (): string[] =>
  readdirSync(SAMPLE_EVENTS_DIR)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => basename(file, '.json'));

export const sampleEvent = (name: string): HttpEvent =>
  JSON.parse(readFileSync(join(SAMPLE_EVENTS_DIR, `${name}.json`), 'utf8')) as HttpEvent;

/** The event with another JSON body (content-length follows, as the gateway would send it). */
export const withBody = (event: HttpEvent, body: unknown): HttpEvent => {
  const text = JSON.stringify(body);
  return {
    ...event,
    headers: { ...event.headers, 'content-length': String(Buffer.byteLength(text)) },
    body: text,
  };
};

/** The event for other path parameters of the same route (`{orderId}` → `or_…`). */
export const withPathParameters = (event: HttpEvent, parameters: Record<string, string>): HttpEvent => {
  const pathParameters = { ...event.pathParameters, ...parameters };
  const template = event.routeKey.split(' ')[1] ?? event.rawPath;
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(pathParameters[name] ?? ''),
  );
  return {
    ...event,
    rawPath: path,
    pathParameters,
    requestContext: { ...event.requestContext, http: { ...event.requestContext.http, path } },
  };
};

export const withHeaders = (event: HttpEvent, headers: Record<string, string>): HttpEvent => ({
  ...event,
  headers: { ...event.headers, ...headers },
});
