import { z } from 'zod';
import { developmentsInputSchema, matrixInputSchema } from '@briefwatch/articles';
import { listSourcesInputSchema, registerSourceInputSchema, sourcePollsInputSchema } from '@briefwatch/source-registry';
import { alertsQuerySchema, createSubscriptionInputSchema, replayInputSchema, rotateSecretInputSchema } from '@briefwatch/subscriptions';

interface Operation {
  method: 'get' | 'post' | 'delete';
  /** OpenAPI form: `/sources/{id}`. */
  path: string;
  tag: string;
  summary: string;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** The body is a document of this media type rather than JSON. */
  bodyType?: string;
  /** 200 unless said; `text/event-stream` for live streams. */
  status?: number;
  produces?: string;
}

const OPERATIONS: Operation[] = [
  { method: 'get', path: '/health', tag: 'system', summary: 'Postgres and Kafka reachability; 503 when either is down' },
  { method: 'get', path: '/briefs', tag: 'briefs', summary: 'Every brief imported, with its topic and claim counts' },
  { method: 'get', path: '/briefs/{briefId}', tag: 'briefs', summary: "A brief's topics, claims (nested), citations and tracking profiles" },
  { method: 'get', path: '/briefs/{briefId}/claims/{claimId}/developments', tag: 'timelines', summary: "A claim's later developments, newest first, with score, evidence and sources; as-of, date range and cursor", query: developmentsInputSchema },
  { method: 'get', path: '/briefs/{briefId}/topics/{topicId}/coverage', tag: 'timelines', summary: "A topic's coverage (articles linked to the topic as a whole); as-of, date range and cursor", query: developmentsInputSchema },
  { method: 'get', path: '/briefs/{briefId}/coverage-matrix', tag: 'timelines', summary: 'Claims × sources: who followed up each claim, how often, how recently; quiet claims flagged', query: matrixInputSchema },
  { method: 'get', path: '/articles/{id}', tag: 'timelines', summary: 'An article with every revision and its provenance (source, feed, fetched at, HTTP validators, raw response hash) and its links' },
  { method: 'get', path: '/coverage/stream', tag: 'timelines', summary: 'Server-Sent Events: `linked` for each new link (of one brief with ?briefId=)', produces: 'text/event-stream' },
  { method: 'get', path: '/sources', tag: 'sources', summary: 'Sources with their polling state, a page at a time', query: listSourcesInputSchema },
  { method: 'post', path: '/sources', tag: 'sources', summary: 'Register a feed to watch', body: registerSourceInputSchema, status: 202 },
  { method: 'get', path: '/sources/opml', tag: 'sources', summary: 'Every source as OPML', produces: 'text/x-opml' },
  { method: 'post', path: '/sources/opml', tag: 'sources', summary: 'Register every feed of an OPML document', bodyType: 'text/x-opml', status: 202 },
  { method: 'get', path: '/sources/{id}', tag: 'sources', summary: 'One source and its polling state' },
  { method: 'get', path: '/sources/{id}/polls', tag: 'sources', summary: "A source's audit timeline: every poll, newest first", query: sourcePollsInputSchema },
  { method: 'post', path: '/sources/{id}/pause', tag: 'sources', summary: 'Stop polling a source until it is resumed', body: z.strictObject({ reason: z.string().max(500).optional() }), status: 202 },
  { method: 'post', path: '/sources/{id}/resume', tag: 'sources', summary: 'Poll a paused source again', status: 202 },
  { method: 'delete', path: '/sources/{id}', tag: 'sources', summary: 'Stop watching a source (its timeline and articles stay)', status: 202 },
  { method: 'get', path: '/subscriptions', tag: 'alerts', summary: 'Every subscription that was not removed' },
  { method: 'post', path: '/subscriptions', tag: 'alerts', summary: 'Subscribe a webhook; the signing secret is in the answer, once', body: createSubscriptionInputSchema, status: 201 },
  { method: 'get', path: '/subscriptions/{id}', tag: 'alerts', summary: 'One subscription, with whether its endpoint is failing' },
  { method: 'get', path: '/subscriptions/{id}/alerts', tag: 'alerts', summary: "A subscription's alerts, newest first, each with every delivery attempt", query: alertsQuerySchema },
  { method: 'post', path: '/subscriptions/{id}/pause', tag: 'alerts', summary: 'Queue nothing for a subscription until it is resumed', status: 202 },
  { method: 'post', path: '/subscriptions/{id}/resume', tag: 'alerts', summary: 'Alert a paused subscription again', status: 202 },
  { method: 'delete', path: '/subscriptions/{id}', tag: 'alerts', summary: 'Remove a subscription; what had not gone out is cancelled', status: 202 },
  { method: 'post', path: '/subscriptions/{id}/replay', tag: 'alerts', summary: 'Send again what was not delivered (or everything) since a time', body: replayInputSchema, status: 202 },
  { method: 'post', path: '/subscriptions/{id}/secret', tag: 'alerts', summary: 'A new webhook secret, in the answer once; the old one signs beside it until `previousValidUntil`', body: rotateSecretInputSchema, status: 200 },
  { method: 'post', path: '/subscriptions/{id}/digest', tag: 'alerts', summary: "Send a digest subscription's waiting items now", status: 202 },
  { method: 'get', path: '/alerts/stream', tag: 'alerts', summary: 'Server-Sent Events: `alert` for each alert queued (for one subscription with ?subscriptionId=); always needs an API key', produces: 'text/event-stream' },
];

const problem = { description: 'An error, as RFC 9457 problem details with a stable `code`', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };

function parameters(operation: Operation) {
  const path = [...operation.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));
  if (!operation.query) return path;
  const schema = z.toJSONSchema(operation.query, { io: 'input' }) as { properties?: Record<string, object>; required?: string[] };
  const query = Object.entries(schema.properties ?? {}).map(([name, property]) => ({ name, in: 'query', required: (schema.required ?? []).includes(name), schema: property }));
  return [...path, ...query];
}

/** The OpenAPI 3.1 document for the API: every route, its inputs (from the same schemas that validate them), and who may call it. */
export function apiDocument(version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of OPERATIONS) {
    const writes = operation.method !== 'get';
    paths[operation.path] ??= {};
    paths[operation.path]![operation.method] = {
      tags: [operation.tag],
      summary: operation.summary,
      parameters: parameters(operation),
      ...(operation.body ? { requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(operation.body, { io: 'input' }) } } } } : {}),
      ...(operation.bodyType ? { requestBody: { required: true, content: { [operation.bodyType]: { schema: { type: 'string' } } } } } : {}),
      ...(writes ? { security: [{ apiKey: [] }, { bearer: [] }] } : {}),
      responses: {
        [String(operation.status ?? 200)]: { description: 'OK', content: { [operation.produces ?? 'application/json']: { schema: {} } } },
        ...(writes ? { '401': problem } : {}),
        '400': problem,
        '404': problem,
        '422': problem,
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'briefwatch API', version, description: 'Follow what happens after a research brief is published: claim timelines, source audit, alerts.' },
    paths,
    components: {
      securitySchemes: { apiKey: { type: 'apiKey', in: 'header', name: 'x-api-key' }, bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        Problem: {
          type: 'object',
          required: ['type', 'title', 'status', 'code', 'detail'],
          properties: { type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, code: { type: 'string', example: 'SOURCE.ALREADY_REGISTERED' }, detail: { type: 'string' }, instance: { type: 'string' }, errors: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } } },
        },
      },
    },
  };
}

/** Every route the document lists, as `METHOD /path/{param}`: for checking it against the routes the API serves. */
export function documentedRoutes(): string[] {
  return OPERATIONS.map((operation) => `${operation.method.toUpperCase()} ${operation.path}`);
}
