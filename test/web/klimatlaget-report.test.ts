import { describe, expect, it } from 'vitest';
import type { QuestionAggregate, TypeAggregate } from '../../web/src/api/types';
import { barChartHeight, wrapLabel } from '../../web/src/components/charts/chart-spec';
import {
  areasOf,
  countedAnswer,
  distributionQuestions,
  extremes,
  yesQuestions,
} from '../../web/src/pages/klimatlaget/report-model';

function question(overrides: Partial<QuestionAggregate>): QuestionAggregate {
  return {
    name: 'Q',
    title: 'Fråga?',
    section: 'mal',
    type: 'boolean',
    gate: false,
    n: 10,
    yes: { value: true, count: 5, share: 0.5 },
    distribution: null,
    ...overrides,
  };
}

const aggregate = (questions: QuestionAggregate[]): TypeAggregate =>
  ({
    respondents: 10,
    organisations: 12,
    excused: 0,
    total: { mean: 0.5, median: 0.5 },
    gatePassed: 4,
    bands: [],
    yearOnYear: null,
    emissions: null,
    max: 20,
    sections: [
      { name: 'mal', title: 'Mål', max: 15, n: 10, mean: 0.5, median: 0.5 },
      { name: 'energi', title: 'Energi', max: 5, n: 10, mean: 0.4, median: 0.4 },
    ],
    questions,
  }) as TypeAggregate;

describe('Klimatläget report model', () => {
  it('groups questions by area in survey order, naming the gate page that has no points', () => {
    // Arrange
    const questions = [
      question({ name: 'B1', section: 'baskrav', gate: true }),
      question({ name: 'M1', section: 'mal' }),
      question({ name: 'E1', section: 'energi' }),
      question({ name: 'M2', section: 'mal' }),
    ];
    // Act
    const areas = areasOf(aggregate(questions), () => 'Baskrav');
    // Assert
    expect(areas.map((a) => [a.name, a.title, a.max, a.questions.map((q) => q.name)])).toEqual([
      ['baskrav', 'Baskrav', 0, ['B1']],
      ['mal', 'Mål', 15, ['M1', 'M2']],
      ['energi', 'Energi', 5, ['E1']],
    ]);
  });

  it('charts questions with a yes-share and tables those with a distribution', () => {
    // Arrange
    const radio = question({
      name: 'M4',
      type: 'radiogroup',
      yes: { value: 'ja', count: 8, share: 0.38 },
      distribution: [
        { value: 'ja', text: 'Ja, beslutad', count: 8, share: 0.38 },
        { value: 'nej', text: 'Nej', count: 13, share: 0.62 },
      ],
    });
    const checkbox = question({
      name: 'M7',
      type: 'checkbox',
      yes: null,
      distribution: [{ value: 'a', text: 'A', count: 3, share: 0.3 }],
    });
    const [area] = areasOf(aggregate([question({ name: 'M1' }), radio, checkbox]), () => '');
    // Act and assert
    expect(yesQuestions(area!).map((q) => q.name)).toEqual(['M1', 'M4']);
    expect(distributionQuestions(area!).map((q) => q.name)).toEqual(['M4', 'M7']);
    expect(countedAnswer(radio)).toBe('Ja, beslutad');
    expect(countedAnswer(question({}))).toBeNull();
  });

  it('finds the highest and lowest yes-share among answered questions only', () => {
    // Arrange
    const questions = [
      question({ name: 'A', yes: { value: true, count: 9, share: 0.9 } }),
      question({ name: 'B', yes: { value: true, count: 1, share: 0.1 } }),
      question({ name: 'C', n: 0, yes: { value: true, count: 0, share: 0 } }),
    ];
    // Act
    const ends = extremes(questions);
    // Assert
    expect([ends?.highest.name, ends?.lowest.name]).toEqual(['A', 'B']);
    expect(extremes([])).toBeNull();
  });
});

describe('chart labels', () => {
  it('wraps at spaces within the width and never drops words', () => {
    // Act
    const lines = wrapLabel('Finns ett politiskt beslut om att kontinuerligt inventera växthusgasutsläppen?', 20);
    // Assert
    expect(lines.every((line) => line.length <= 20 || !line.includes(' '))).toBe(true);
    expect(lines.join(' ')).toBe('Finns ett politiskt beslut om att kontinuerligt inventera växthusgasutsläppen?');
  });

  it('gives every category band room for the label with the most lines', () => {
    // Act
    const oneLine = barChartHeight(['a', 'b'], 1);
    const threeLines = barChartHeight(['a', ['b', 'c', 'd']], 1);
    // Assert
    expect(threeLines - 60).toBe(2 * (3 * 13 * 1.25 + 12));
    expect(threeLines).toBeGreaterThan(oneLine);
  });
});
