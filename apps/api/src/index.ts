export { createApiApp } from './api.app.js';
export { ApiModule } from './api.module.js';
