// The engine is compiled without the DOM and Node libraries (tsconfig.engine.json: lib ES2023, no types), so
// the one host global it uses is declared here: `performance.now()`, which browsers, workers and Node all have.
declare const performance: { now(): number };
