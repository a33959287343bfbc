// The pinned AWS SDK warns on Node 20 that releases after January 2027 need Node 22. The Lambda
// runs Node 22; locally the pinned version works, so this one warning is only noise.
const emitWarning = process.emitWarning.bind(process);
process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
  if (String(warning).includes('NodeVersionSupportWarning')) return;
  (emitWarning as (...args: unknown[]) => void)(warning, ...rest);
}) as typeof process.emitWarning;
