// Medians and quantiles of timings, shared by run.mjs, phases.mjs and ab.mjs. Missing figures
// (null or undefined) are left out; none at all gives null.

export function quantile(xs, q) {
  const sorted = xs.filter((x) => x != null).sort((a, b) => a - b);
  if (!sorted.length) return null;
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  return sorted[lo] + (sorted[Math.ceil(at)] - sorted[lo]) * (at - lo);
}

export const median = (xs) => quantile(xs, 0.5);
export const p95 = (xs) => quantile(xs, 0.95);
