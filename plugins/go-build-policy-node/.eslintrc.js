module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  rules: {
    // Fix proofs assert inside shared helpers (src/fixes/testing/fixProof.ts).
    'jest/expect-expect': [
      'warn',
      { assertFunctionNames: ['expect', 'expectNoFix', 'expectFix*'] },
    ],
  },
});
