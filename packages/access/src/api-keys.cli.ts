import type { PrismaClient } from '@briefwatch/db';
import { PRISMA, ProblemError, type CliCommand } from '@briefwatch/service-kit';
import { createApiKey, listApiKeys, revokeApiKey } from './api-keys.js';

export const createApiKeyCli: CliCommand = {
  path: ['keys', 'create'],
  summary: 'create an API key for write requests (shown once)',
  usage: 'briefwatch keys create <name>',
  async run({ positionals, app, print, note }) {
    const name = positionals[0]?.trim();
    if (!name || name.length > 100) throw new ProblemError('KEY.INVALID_NAME', 'give the key a name of 1 to 100 characters, e.g. "newsroom-bot"');
    const created = await createApiKey(app.get<PrismaClient>(PRISMA), name);
    print(created.key);
    note(`created key ${created.prefix}… (${created.id}) named "${name}"; store it now, it is not shown again`);
  },
};

export const listApiKeysCli: CliCommand = {
  path: ['keys', 'list'],
  summary: 'list API keys (never the keys themselves)',
  usage: 'briefwatch keys list',
  async run({ app, print }) {
    const keys = await listApiKeys(app.get<PrismaClient>(PRISMA));
    if (keys.length === 0) return print('no API keys (create one with: briefwatch keys create <name>)');
    for (const key of keys) {
      print(`${key.id}  ${key.prefix}…  ${key.name}  created ${key.createdAt}${key.revokedAt ? `  REVOKED ${key.revokedAt}` : ''}`);
    }
  },
};

export const revokeApiKeyCli: CliCommand = {
  path: ['keys', 'revoke'],
  summary: 'revoke an API key by id or prefix',
  usage: 'briefwatch keys revoke <id-or-prefix>',
  async run({ positionals, app, print }) {
    const target = positionals[0];
    if (!target) throw new ProblemError('KEY.INVALID_TARGET', 'name the key to revoke by its id or its prefix (see `briefwatch keys list`)');
    const count = await revokeApiKey(app.get<PrismaClient>(PRISMA), target);
    if (count === 0) throw new ProblemError('KEY.NOT_FOUND', `no active key ${target}`);
    print(`revoked ${count} key${count === 1 ? '' : 's'}`);
  },
};
