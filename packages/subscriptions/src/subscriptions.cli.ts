import { CommandBus } from '@nestjs/cqrs';
import { z } from 'zod';
import type { PrismaClient } from '@briefwatch/db';
import { PRISMA, ProblemError, RequestValidationError, type CliCommand } from '@briefwatch/service-kit';
import { ChangeSubscriptionCommand, type SubscriptionChange } from './commands/change-subscription/change-subscription.command.js';
import { CreateSubscriptionCommand } from './commands/create-subscription/create-subscription.command.js';
import { createSubscriptionInputSchema } from './commands/create-subscription/create-subscription.input.js';
import { RotateSecretCommand } from './commands/rotate-secret/rotate-secret.command.js';
import { rotateSecretInputSchema } from './commands/rotate-secret/rotate-secret.input.js';
import { alertsQuerySchema, listSubscriptions, subscriptionAlerts } from './queries/subscription-queries.js';

function invalid(error: z.ZodError): RequestValidationError {
  return new RequestValidationError(error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })));
}

function subscriptionId(positionals: string[]): string {
  const id = positionals[0];
  if (!id || !z.uuid().safeParse(id).success) throw new ProblemError('SUBSCRIPTION.INVALID_ID', 'give the subscription id (see `briefwatch subscriptions list`)');
  return id;
}

export const addSubscriptionCli: CliCommand = {
  path: ['subscriptions', 'add'],
  summary: 'subscribe a webhook to new coverage of a brief, topic, claim or source',
  usage:
    'briefwatch subscriptions add <webhook-url> --name N (--brief B [--topic t2 | --claim t2.c1 | --topics t2,t3 | --claims t2.c1,t2.c2] [--terms a,b] [--exclude c] | --source <source-id>) [--digest hourly|daily] [--min-score 0.35] [--health] [--no-coverage]',
  options: {
    name: { type: 'string', description: 'what the subscriber calls it' },
    brief: { type: 'string', description: 'the brief id' },
    topic: { type: 'string', description: 'only this topic of the brief' },
    claim: { type: 'string', description: 'only this claim of the brief' },
    source: { type: 'string', description: 'follow one source instead of a brief' },
    topics: { type: 'string', description: 'saved query: these topics, comma-separated' },
    claims: { type: 'string', description: 'saved query: these claims, comma-separated' },
    terms: { type: 'string', description: 'saved query: only coverage mentioning all of these, comma-separated' },
    exclude: { type: 'string', description: 'saved query: never coverage mentioning any of these' },
    digest: { type: 'string', description: 'hourly or daily: one message per period instead of one per alert' },
    'min-score': { type: 'string', description: 'links scored lower are not alerted (default 0.35)' },
    health: { type: 'boolean', description: 'also alert when a watched source fails or goes quiet' },
    'no-coverage': { type: 'boolean', description: 'only source-health alerts' },
  },
  async run({ positionals, options, app, correlationId, print, note }) {
    const briefId = options.brief as string | undefined;
    const list = (name: string) => (options[name] === undefined ? [] : String(options[name]).split(',').map((item) => item.trim()).filter(Boolean));
    const savedQuery = ['topics', 'claims', 'terms', 'exclude'].some((name) => options[name] !== undefined);
    const target = options.source
      ? { kind: 'source', sourceId: options.source }
      : savedQuery
        ? { kind: 'query', briefId, topicIds: list('topics'), claimIds: list('claims'), terms: list('terms'), excludeTerms: list('exclude') }
      : options.claim
        ? { kind: 'claim', briefId, claimId: options.claim }
        : options.topic
          ? { kind: 'topic', briefId, topicId: options.topic }
          : { kind: 'brief', briefId };
    const parsed = createSubscriptionInputSchema.safeParse({
      name: options.name ?? positionals[0],
      target,
      webhookUrl: positionals[0],
      ...(options.digest !== undefined ? { digest: options.digest } : {}),
      ...(options['min-score'] !== undefined ? { minScore: Number(options['min-score']) } : {}),
      notify: { coverage: !options['no-coverage'], sourceHealth: Boolean(options.health) },
    });
    if (!parsed.success) throw invalid(parsed.error);
    const created = await app.get(CommandBus).execute(new CreateSubscriptionCommand(parsed.data, correlationId));
    print(`subscription ${created.subscriptionId}`);
    print(`secret ${created.secret}`);
    note('the secret is shown this once: give it to the receiver, which verifies each alert with it');
  },
};

export const rotateSecretCli: CliCommand = {
  path: ['subscriptions', 'rotate-secret'],
  summary: "give a subscription a new webhook secret; the old one goes on signing beside it for a while",
  usage: 'briefwatch subscriptions rotate-secret <subscription-id> [--overlap-hours 24]',
  options: { 'overlap-hours': { type: 'string', description: 'how long alerts are signed with the old secret too (0 to 168, default 24)' } },
  async run({ positionals, options, app, correlationId, print, note }) {
    const id = subscriptionId(positionals);
    const parsed = rotateSecretInputSchema.safeParse(options['overlap-hours'] !== undefined ? { overlapHours: Number(options['overlap-hours']) } : {});
    if (!parsed.success) throw invalid(parsed.error);
    const rotated = await app.get(CommandBus).execute(new RotateSecretCommand(id, parsed.data.overlapHours, correlationId));
    print(`subscription ${rotated.subscriptionId}`);
    print(`secret ${rotated.secret}`);
    note(`the new secret is shown this once; alerts are signed with the old one too until ${rotated.previousValidUntil}, so give the receiver the new one before then`);
  },
};

export const listSubscriptionsCli: CliCommand = {
  path: ['subscriptions', 'list'],
  summary: 'list subscriptions, with their status and whether their endpoint is failing',
  usage: 'briefwatch subscriptions list [--json]',
  options: { json: { type: 'boolean', description: 'print JSON instead of a table' } },
  async run({ options, app, print }) {
    const subscriptions = await listSubscriptions(app.get<PrismaClient>(PRISMA));
    if (options.json) return print(JSON.stringify(subscriptions, null, 2));
    if (subscriptions.length === 0) return print('no subscriptions yet (add one with: briefwatch subscriptions add <webhook-url> --brief <brief-id>)');
    for (const s of subscriptions) {
      const query = s.target.query as { topicIds: string[]; claimIds: string[]; terms: string[] } | null;
      const target =
        s.target.kind === 'source'
          ? `source ${s.target.sourceId}`
          : [s.target.briefId, s.target.topicId ?? s.target.claimId, ...(query ? [...query.topicIds, ...query.claimIds, ...query.terms.map((t) => `"${t}"`)] : [])].filter(Boolean).join(' ');
      const flag = s.failing ? 'FAILING' : s.status;
      print(`${s.id}  ${flag.padEnd(8)} ${s.name}: ${target} → ${s.channel.every ? `${s.channel.every} digest to ` : ''}${s.channel.url}`);
    }
  },
};

export const subscriptionAlertsCli: CliCommand = {
  path: ['subscriptions', 'alerts'],
  summary: "a subscription's alerts, newest first, with every delivery attempt",
  usage: 'briefwatch subscriptions alerts <subscription-id> [--state failed] [--limit 20] [--json]',
  options: {
    state: { type: 'string', description: 'pending, delivered, failed, in-digest, digested or cancelled' },
    limit: { type: 'string', description: 'how many (default 100)' },
    json: { type: 'boolean', description: 'print JSON' },
  },
  async run({ positionals, options, app, print }) {
    const query = alertsQuerySchema.safeParse({ ...(options.state !== undefined ? { state: options.state } : {}), ...(options.limit !== undefined ? { limit: options.limit } : {}) });
    if (!query.success) throw invalid(query.error);
    const alerts = await subscriptionAlerts(app.get<PrismaClient>(PRISMA), subscriptionId(positionals), query.data);
    if (options.json) return print(JSON.stringify(alerts, null, 2));
    if (alerts.items.length === 0) return print('no alerts yet');
    for (const alert of alerts.items) {
      const payload = alert.payload as { article?: { title?: string }; condition?: string; count?: number };
      const what = alert.kind === 'digest' ? `digest of ${payload.count}` : alert.kind === 'source-health' ? `source ${payload.condition}` : (payload.article?.title ?? '');
      const tries = alert.attempts.map((a) => a.status ?? 'error').join(',') || 'not tried yet';
      print(`${alert.createdAt}  ${alert.state.padEnd(9)} ${what}  [${tries}]`);
    }
  },
};

function changeCli(word: string, summary: string, change: (options: Record<string, unknown>) => SubscriptionChange, extra: Pick<CliCommand, 'options'> & { usage?: string } = {}): CliCommand {
  return {
    path: ['subscriptions', word],
    summary,
    usage: extra.usage ?? `briefwatch subscriptions ${word} <subscription-id>`,
    options: extra.options ?? {},
    async run({ positionals, options, app, correlationId, print }) {
      const id = subscriptionId(positionals);
      const result = await app.get(CommandBus).execute(new ChangeSubscriptionCommand(id, change(options), correlationId));
      print(result.accepted ? `subscription ${id}: ${word} requested` : `subscription ${id}: nothing to change`);
    },
  };
}

const sinceSchema = z.iso.datetime({ offset: true });

export const SUBSCRIPTION_CHANGE_CLIS: CliCommand[] = [
  changeCli('pause', 'stop alerting a subscription until it is resumed (alerts already queued wait)', () => ({ kind: 'status', status: 'paused' })),
  changeCli('resume', 'alert a paused subscription again', () => ({ kind: 'status', status: 'active' })),
  changeCli('remove', 'stop a subscription for good (its alert history stays)', () => ({ kind: 'status', status: 'removed' })),
  changeCli(
    'replay',
    'send again what a subscription did not receive since a point in time',
    (options) => {
      const since = sinceSchema.safeParse(options.since);
      if (!since.success) throw new ProblemError('SUBSCRIPTION.INVALID_SINCE', 'give --since as an ISO date-time, e.g. 2026-11-28T00:00:00Z');
      return { kind: 'replay', since: new Date(since.data), includeDelivered: Boolean(options['include-delivered']) };
    },
    {
      usage: 'briefwatch subscriptions replay <subscription-id> --since <iso-time> [--include-delivered]',
      options: { since: { type: 'string', description: 'alerts queued from this time on' }, 'include-delivered': { type: 'boolean', description: 'also those already delivered' } },
    },
  ),
  changeCli('digest', "send a digest subscription's pending items now", () => ({ kind: 'digest-now' })),
];
