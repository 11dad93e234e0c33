// The fault suite: whole-system scenarios, one at a time (each runs six services as processes).
const preset = require('@briefwatch/testing/jest-preset');

module.exports = { ...preset, testMatch: ['<rootDir>/test/**/*.fault-spec.ts'], testTimeout: 240_000 };
