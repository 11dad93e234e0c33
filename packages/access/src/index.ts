export { createApiKey, verifyApiKey, listApiKeys, revokeApiKey, hasActiveApiKey, hashApiKey, generateApiKey, type CreatedApiKey, type ApiKeyInfo } from './api-keys.js';
export { ApiKeyGuard, presentedKey } from './api-key.guard.js';
export { createApiKeyCli, listApiKeysCli, revokeApiKeyCli } from './api-keys.cli.js';
