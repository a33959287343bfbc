import { roundTonnes } from './cell-values';
import type { EmissionValue } from './import.schema';
import type { IssueList } from './issues';
import { issueText } from './messages';
import type { RegisteredOrganisation } from './organisation-matching';
import { MAIN_SECTORS, mainSector, type SectorId, type SectorResolution } from './sectors';

/** Totals and main-sector rows may differ from the sum of their parts by rounding; more than this is reported. */
export const SUM_TOLERANCE = 0.005;

/** One number read from one cell, already in tonnes. */
export interface Observation {
  row: number;
  column: string;
  organisation: RegisteredOrganisation;
  year: number;
  /** The sector as written, for messages and for spotting duplicate rows. */
  sectorLabel: string;
  /** normaliseLabel(sectorLabel): rows with the same key are the same figure. */
  sectorKey: string;
  resolution: Exclude<SectorResolution, { kind: 'excluded' }>;
  tonnes: number;
}

interface Seen {
  tonnes: number;
  row: number;
}

interface Bucket {
  organisation: RegisteredOrganisation;
  year: number;
  sector: SectorId;
  main?: Seen;
  subSum: number;
  firstSubRow?: number;
}

const SECTOR_ORDER = new Map<SectorId, number>(MAIN_SECTORS.map((sector, index) => [sector.id, index]));
const INTERNATIONAL: SectorId = 'utrikes-transporter';

/**
 * Sums sub-sector rows into their main sector, keeps "Totalt" rows aside to check against the sum,
 * and treats a repeated figure as one figure: identical repeats are dropped, differing ones are errors.
 */
export class EmissionAggregator {
  // Keys are numbers built from small indexes: string keys for ~95,000 figures cost more in
  // allocation and garbage collection than the rest of the parse.
  private readonly organisationIndex = new Map<RegisteredOrganisation, number>();
  private readonly labelIndex = new Map<string, number>();
  private readonly seen = new Map<number | string, Seen>();
  private readonly buckets = new Map<number, Bucket>();
  private readonly totals = new Map<
    number,
    Seen & { organisation: RegisteredOrganisation; year: number; column: string }
  >();
  private readonly populations = new Map<number, Seen>();
  identicalDuplicates = 0;

  constructor(private readonly issues: IssueList) {}

  /** A number unique to an organisation and year (years are 1990 to next year, so within 1900–2155). */
  private organisationYear(organisation: RegisteredOrganisation, year: number): number {
    let index = this.organisationIndex.get(organisation);
    if (index === undefined) {
      index = this.organisationIndex.size;
      this.organisationIndex.set(organisation, index);
    }
    return index * 256 + (year - 1900);
  }

  add(observation: Observation): void {
    const { organisation, year, row, tonnes } = observation;
    let label = this.labelIndex.get(observation.sectorKey);
    if (label === undefined) {
      label = this.labelIndex.size;
      this.labelIndex.set(observation.sectorKey, label);
    }
    const organisationYear = this.organisationYear(organisation, year);
    // Small integers (V8 "Smis") hash fastest; the string form only serves absurdly many labels.
    const figureKey =
      label < 1024 && organisationYear < 2 ** 20 ? organisationYear * 1024 + label : `${organisationYear}:${label}`;
    const earlier = this.seen.get(figureKey);
    if (earlier) {
      if (roundTonnes(earlier.tonnes) === roundTonnes(tonnes)) {
        this.identicalDuplicates++;
        return;
      }
      this.conflict(observation, earlier);
      return;
    }
    this.seen.set(figureKey, { tonnes, row });
    const { resolution } = observation;
    if (resolution.kind === 'total') {
      this.totals.set(organisationYear, { tonnes, row, organisation, year, column: observation.column });
      return;
    }
    const key = organisationYear * 16 + (SECTOR_ORDER.get(resolution.sector) ?? 0);
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = { organisation, year, sector: resolution.sector, subSum: 0 };
      this.buckets.set(key, bucket);
    }
    if (resolution.kind === 'main' && bucket.main) {
      // Two names for one main sector ("Transporter" and "Transport") on different rows.
      if (roundTonnes(bucket.main.tonnes) === roundTonnes(tonnes)) this.identicalDuplicates++;
      else this.conflict(observation, bucket.main);
    } else if (resolution.kind === 'main') {
      bucket.main = { tonnes, row };
    } else {
      bucket.subSum += tonnes;
      bucket.firstSubRow ??= row;
    }
  }

  private conflict(observation: Observation, earlier: Seen): void {
    const { row, organisation, year, tonnes } = observation;
    this.issues.error(
      row,
      observation.column,
      issueText.conflictingValues(
        row,
        earlier.row,
        describe(organisation),
        year,
        observation.sectorLabel,
        earlier.tonnes,
        tonnes,
      ),
    );
  }

  /** Records the population for an organisation and year; a different second figure is a warning. */
  addPopulation(
    organisation: RegisteredOrganisation,
    year: number,
    population: number,
    row: number,
    column: string,
  ): void {
    const key = this.organisationYear(organisation, year);
    const earlier = this.populations.get(key);
    if (earlier && earlier.tonnes !== population) {
      this.issues.warning(
        row,
        column,
        issueText.populationDiffers(row, population, describe(organisation), year, earlier.row, earlier.tonnes),
      );
      return;
    }
    if (!earlier) this.populations.set(key, { tonnes: population, row });
  }

  /**
   * @returns one value per organisation, year and main sector, sorted by organisation, year and
   *   the national database's sector order; mismatching totals are reported as warnings.
   */
  finish(): EmissionValue[] {
    const values: EmissionValue[] = [];
    const sums = new Map<number, number>();
    const territorialSums = new Map<number, number>();
    for (const bucket of this.buckets.values()) {
      const subSum = roundTonnes(bucket.subSum);
      if (bucket.main && bucket.firstSubRow !== undefined && differs(bucket.main.tonnes, subSum)) {
        const sector = mainSector(bucket.sector);
        this.issues.warning(
          bucket.main.row,
          null,
          issueText.subsectorsDiffer(
            bucket.main.row,
            { sv: sector.nameSv, en: sector.nameEn },
            describe(bucket.organisation),
            bucket.year,
            bucket.main.tonnes,
            bucket.firstSubRow,
            subSum,
          ),
        );
      }
      const tonnes = roundTonnes(bucket.main?.tonnes ?? subSum);
      const organisationYear = this.organisationYear(bucket.organisation, bucket.year);
      const population = this.populations.get(organisationYear)?.tonnes;
      values.push({
        organisationId: bucket.organisation.code,
        year: bucket.year,
        sector: bucket.sector,
        tonnesCO2e: tonnes,
        ...(population === undefined ? {} : { population }),
      });
      sums.set(organisationYear, (sums.get(organisationYear) ?? 0) + tonnes);
      // The national database's "Totalt" is territorial: international transport is outside it.
      if (bucket.sector !== INTERNATIONAL) {
        territorialSums.set(organisationYear, (territorialSums.get(organisationYear) ?? 0) + tonnes);
      }
    }
    for (const [key, total] of this.totals) {
      const sum = sums.get(key);
      const organisation = describe(total.organisation);
      if (sum === undefined) {
        this.issues.warning(
          total.row,
          total.column,
          issueText.totalWithoutSectors(total.row, organisation, total.year),
        );
      } else {
        // A file may count international transport in its total or not; either agreement is fine.
        const territorial = territorialSums.get(key) ?? 0;
        if (!differs(total.tonnes, roundTonnes(territorial)) || !differs(total.tonnes, roundTonnes(sum))) continue;
        const share =
          (Math.abs(total.tonnes - territorial) / Math.max(Math.abs(total.tonnes), Math.abs(territorial))) * 100;
        this.issues.warning(
          total.row,
          total.column,
          issueText.totalDiffers(
            total.row,
            organisation,
            total.year,
            total.tonnes,
            roundTonnes(territorial),
            territorial !== sum,
            Math.round(share * 10) / 10,
          ),
        );
      }
    }
    return values.sort(
      (a, b) =>
        compareText(a.organisationId, b.organisationId) ||
        a.year - b.year ||
        (SECTOR_ORDER.get(a.sector) ?? 0) - (SECTOR_ORDER.get(b.sector) ?? 0),
    );
  }
}

function differs(expected: number, actual: number): boolean {
  const scale = Math.max(Math.abs(expected), Math.abs(actual));
  return scale > 0 && Math.abs(expected - actual) / scale > SUM_TOLERANCE;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** "Lund (1281)", as organisations are named in messages. */
export function describe(organisation: RegisteredOrganisation): string {
  return `${organisation.name} (${organisation.code})`;
}
