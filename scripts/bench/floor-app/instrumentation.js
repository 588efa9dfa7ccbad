// Nothing to run at start: this file keeps Next from taking the portal's own instrumentation.ts.
export function register() {}
