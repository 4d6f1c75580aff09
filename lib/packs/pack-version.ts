/**
 * Comparing pack versions ("1.2.0", "2.0.0-beta.1"): semantic-versioning precedence
 * (https://semver.org/#spec-item-11) for the shape validatePack accepts. Build metadata
 * after "+" does not count.
 */

function parts(version: string): { core: number[]; pre: string[] } {
  const [withoutBuild = ''] = version.split('+');
  const dash = withoutBuild.indexOf('-');
  const core = (dash === -1 ? withoutBuild : withoutBuild.slice(0, dash)).split('.').map(Number);
  const pre = dash === -1 ? [] : withoutBuild.slice(dash + 1).split('.');
  return { core, pre };
}

function compareIdentifiers(a: string, b: string): number {
  const numeric = /^\d+$/;
  if (numeric.test(a) && numeric.test(b)) return Math.sign(Number(a) - Number(b));
  if (numeric.test(a)) return -1;
  if (numeric.test(b)) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Negative when `a` is older than `b`, 0 when they rank the same, positive when newer. */
export function compareVersions(a: string, b: string): number {
  const pa = parts(a);
  const pb = parts(b);
  for (let i = 0; i < Math.max(pa.core.length, pb.core.length); i += 1) {
    const diff = (pa.core[i] ?? 0) - (pb.core[i] ?? 0);
    if (diff !== 0) return Math.sign(diff);
  }
  // A pre-release ranks below its release: 1.0.0-beta < 1.0.0.
  if (pa.pre.length === 0 && pb.pre.length === 0) return 0;
  if (pa.pre.length === 0) return 1;
  if (pb.pre.length === 0) return -1;
  for (let i = 0; i < Math.min(pa.pre.length, pb.pre.length); i += 1) {
    const diff = compareIdentifiers(pa.pre[i] ?? '', pb.pre[i] ?? '');
    if (diff !== 0) return diff;
  }
  return Math.sign(pa.pre.length - pb.pre.length);
}
