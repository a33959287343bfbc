import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

/** The packages an entry pulls in when bundled. */
async function bundledPackages(entry: string): Promise<string[]> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'neutral',
    logLevel: 'silent',
  });
  const packages = Object.keys(result.metafile.inputs)
    .map((input) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1])
    .filter((name): name is string => name !== undefined);
  return [...new Set(packages)];
}

describe('light entry points', () => {
  it.each(['shared/scoring/index.ts', 'shared/survey-validation/index.ts'])(
    '%s does not bundle survey-core, so autosave and report pages stay small',
    async (entry) => {
      // Act
      const packages = await bundledPackages(entry);
      // Assert
      expect(packages).not.toContain('survey-core');
    },
  );

  it('validate-submission does bundle survey-core, which is why it is loaded lazily', async () => {
    // Act
    const packages = await bundledPackages('shared/survey-validation/validate-submission.ts');
    // Assert
    expect(packages).toContain('survey-core');
  });
});
