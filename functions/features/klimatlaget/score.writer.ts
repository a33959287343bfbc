import type { ScoreResult } from '../../../shared/scoring/score.schema';
import type { TableStore } from '../../ports/table-store';
import { keys } from '../../store/table-design';

/** The response changed (new version, reopened) since it was read; re-read and try again. */
export class ScoreWriteRefused extends Error {}

/** Writes a re-computed score onto a submitted response: one conditional UpdateItem. */
export class ScoreWriter {
  constructor(private readonly store: TableStore) {}

  /**
   * Stores `score` as version expected+1, only if the response is still at `expectedVersion` and
   * submitted. Throws ScoreWriteRefused otherwise.
   */
  async write(year: number, organisationId: string, expectedVersion: number, score: ScoreResult, at: string) {
    await this.store.update(
      keys.response(year, organisationId),
      { set: { score, version: expectedVersion + 1, scoredAt: at } },
      {
        kind: 'expression',
        expression: '#version = :expected AND #status = :submitted',
        names: { '#version': 'version', '#status': 'status' },
        values: { ':expected': expectedVersion, ':submitted': 'submitted' },
        onFail: () => new ScoreWriteRefused(),
      },
    );
  }
}
