import type { Kafka } from 'kafkajs';
import type { BriefwatchConfig } from '@briefwatch/config';
import { deadLetterTopics, parseDeadLetterRef, readDeadLetters, replayDeadLetter, type DeadLetter } from '@briefwatch/kafka';
import { CONFIG, KAFKA, ProblemError, type CliCommand, type CliInvocation } from '@briefwatch/service-kit';

/** Codes of messages that were never valid events: handing them back would only dead-letter them again. */
const NEVER_AN_EVENT = /^(MESSAGE|EVENT)\./;

async function lettersOf({ app, options }: CliInvocation): Promise<DeadLetter[]> {
  const kafka = app.get<Kafka>(KAFKA);
  const topics = await deadLetterTopics(kafka, app.get<BriefwatchConfig>(CONFIG).kafka.topicPrefix);
  const letters = await readDeadLetters(kafka, topics);
  return options.group ? letters.filter((letter) => letter.consumerGroup === options.group) : letters;
}

async function letterNamed(invocation: CliInvocation): Promise<DeadLetter> {
  const ref = invocation.positionals[0];
  const place = ref ? parseDeadLetterRef(ref) : null;
  if (!ref || !place) throw new ProblemError('DEAD_LETTER.BAD_REF', `name a dead letter as topic:partition:offset, as \`dead-letters list\` shows it${ref ? ` (got "${ref}")` : ''}`);
  const letters = await readDeadLetters(invocation.app.get<Kafka>(KAFKA), [place.topic]).catch(() => []);
  const letter = letters.find((l) => l.partition === place.partition && l.offset === place.offset);
  if (!letter) throw new ProblemError('DEAD_LETTER.NOT_FOUND', `no dead letter at ${ref}`);
  return letter;
}

export const listDeadLettersCli: CliCommand = {
  path: ['dead-letters', 'list'],
  summary: 'list the events and messages consumer groups gave up on, with why',
  usage: 'briefwatch dead-letters list [--group <consumer group>] [--json]',
  options: {
    group: { type: 'string', description: 'only those of one consumer group (linker, alerter, projector-…)' },
    json: { type: 'boolean', description: 'print them as JSON, headers and value included' },
  },
  async run(invocation) {
    const letters = await lettersOf(invocation);
    if (invocation.options.json) return invocation.print(JSON.stringify(letters, null, 2));
    if (letters.length === 0) return invocation.print('no dead letters');
    for (const letter of letters) {
      invocation.print(`${letter.ref}  ${letter.failedAt ?? '-'}  ${letter.consumerGroup ?? '-'}  ${letter.eventType ?? '(not an event)'}  ${letter.code ?? '-'}: ${letter.reason ?? ''}`);
    }
  },
};

export const showDeadLetterCli: CliCommand = {
  path: ['dead-letters', 'show'],
  summary: 'show one dead letter whole: where it came from, why it was given up on, its headers and value',
  usage: 'briefwatch dead-letters show <topic:partition:offset>',
  async run(invocation) {
    invocation.print(JSON.stringify(await letterNamed(invocation), null, 2));
  },
};

export const replayDeadLetterCli: CliCommand = {
  path: ['dead-letters', 'replay'],
  summary: 'hand a dead letter back to the consumer group that gave up on it, once its cause is fixed',
  usage: 'briefwatch dead-letters replay <topic:partition:offset>',
  async run(invocation) {
    const letter = await letterNamed(invocation);
    if (!letter.eventId || NEVER_AN_EVENT.test(letter.code ?? '')) {
      throw new ProblemError('DEAD_LETTER.NOT_REPLAYABLE', `${letter.ref} was never a valid event (${letter.code ?? 'no code'}: ${letter.reason ?? ''}); replaying it would only dead-letter it again`);
    }
    const to = await replayDeadLetter(invocation.app.get<Kafka>(KAFKA), letter);
    invocation.print(`replayed ${letter.ref} (event ${letter.eventId}) to ${to}: ${letter.consumerGroup ?? 'its group'} tries it again now`);
  },
};
