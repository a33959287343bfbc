import { describe, expect, it } from 'vitest';
import { ConfigurationFaultError, DomainRuleError, VersionConflictError } from '../../functions/errors/domain-errors';
import { domainErrorOf, httpStatusOf } from '../../functions/errors/http-error-map';
import { score } from '../../shared/scoring/score';
import { ScoringConfigError } from '../../shared/scoring/scoring-plan';

describe('the error map', () => {
  it('answers a stored survey whose scoring does not compile as the platform’s configuration fault', () => {
    // Arrange: what autosave's answered share or submit's score throws for the survey in the bug report
    let thrown: unknown;
    try {
      score({ pages: [{ name: 'p', elements: [{ type: 'boolean', name: 'M3', scoreTrue: -1 }] }] }, {});
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ScoringConfigError);
    // Act
    const domain = domainErrorOf(thrown);
    // Assert: a 500 with its own code and a message that says it is not the member's fault
    expect(domain).toBeInstanceOf(ConfigurationFaultError);
    expect(domain?.code).toBe('survey_misconfigured');
    expect(httpStatusOf(domain!)).toBe(500);
    expect(domain?.message).toMatch(/felaktigt inställd hos Klimatkommunerna/);
    expect(domain?.message).toMatch(/Kontakta kansliet/);
    expect(domain?.details).toBeUndefined();
    // The log gets what is broken; the caller does not.
    expect((domain as ConfigurationFaultError).fault).toMatch(/Question M3 scoreTrue/);
  });

  it('passes domain errors through and knows nothing of other errors', () => {
    const conflict = new VersionConflictError('x');
    expect(domainErrorOf(conflict)).toBe(conflict);
    expect(httpStatusOf(new DomainRuleError('invalid_scoring', 'x'))).toBe(422);
    expect(domainErrorOf(new TypeError('x'))).toBeUndefined();
    expect(domainErrorOf('x')).toBeUndefined();
  });
});
