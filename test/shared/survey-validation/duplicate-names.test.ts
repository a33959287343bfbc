import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { duplicateNames, duplicateNameText } from '../../../shared/survey-validation/duplicate-names';

const shipped = (type: 'kommun' | 'region') =>
  JSON.parse(readFileSync(path.resolve(import.meta.dirname, `../../../shared/surveys/${type}.json`), 'utf8'));

describe('names a survey uses twice (duplicateNames)', () => {
  it('finds a question name on two pages, with both pages and the path of the later one', () => {
    // Arrange
    const survey = {
      pages: [
        { name: 'mal', elements: [{ type: 'boolean', name: 'M1' }] },
        {
          name: 'energi',
          elements: [
            { type: 'text', name: 'E1' },
            { type: 'boolean', name: 'M1' },
          ],
        },
      ],
    };
    // Act
    const found = duplicateNames(survey);
    // Assert
    expect(found).toEqual([
      {
        kind: 'element',
        name: 'M1',
        first: { path: ['pages', 0, 'elements', 0], page: 'mal' },
        again: { path: ['pages', 1, 'elements', 1], page: 'energi' },
      },
    ]);
    expect(duplicateNameText(found[0]!, 'sv')).toBe('frågenamnet "M1" finns både på sidan "mal" och på sidan "energi"');
    expect(duplicateNameText(found[0]!, 'en')).toBe(
      'the question name "M1" is on both the page "mal" and the page "energi"',
    );
  });

  it('finds a name used twice on one page, inside panels and dynamic panels too', () => {
    const survey = {
      pages: [
        {
          name: 'p1',
          elements: [
            { type: 'text', name: 'a' },
            { type: 'panel', name: 'box', elements: [{ type: 'text', name: 'a' }] },
            { type: 'paneldynamic', name: 'list', templateElements: [{ type: 'text', name: 'box' }] },
          ],
        },
      ],
    };
    const found = duplicateNames(survey);
    expect(found.map((d) => [d.name, d.again.path.join('.')])).toEqual([
      ['a', 'pages.0.elements.1.elements.0'],
      ['box', 'pages.0.elements.2.templateElements.0'],
    ]);
    expect(duplicateNameText(found[0]!, 'sv')).toBe('frågenamnet "a" används två gånger på sidan "p1"');
  });

  it('finds two pages with one name, but lets a page share its name with a question', () => {
    const survey = {
      pages: [
        { name: 'mal', elements: [{ type: 'text', name: 'mal' }] },
        { name: 'mal', elements: [{ type: 'text', name: 'x' }] },
      ],
    };
    expect(duplicateNames(survey).map((d) => [d.kind, d.name, d.again.path.join('.')])).toEqual([
      ['page', 'mal', 'pages.1'],
    ]);
  });

  it('names an unnamed page as the scoring does, and reads a third use as one more duplicate', () => {
    const survey = {
      pages: [
        { elements: [{ type: 'text', name: 'q' }] },
        { name: 'b', elements: [{ type: 'text', name: 'q' }] },
        { name: 'c', elements: [{ type: 'text', name: 'q' }] },
      ],
    };
    expect(duplicateNames(survey).map((d) => `${d.first.page}>${d.again.page}`)).toEqual(['page1>b', 'page1>c']);
  });

  it('finds nothing in the shipped surveys, nor in what is not a survey', () => {
    expect(duplicateNames(shipped('kommun'))).toEqual([]);
    expect(duplicateNames(shipped('region'))).toEqual([]);
    expect(duplicateNames(null)).toEqual([]);
    expect(duplicateNames({ pages: 'x' })).toEqual([]);
    expect(duplicateNames({ pages: [null, { name: 'p', elements: [7, { name: 1 }] }] })).toEqual([]);
  });
});
