module.exports = require('@briefwatch/testing/jest-preset');
