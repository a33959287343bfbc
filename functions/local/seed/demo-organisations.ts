import type { Contact } from '../../../shared/schemas/contact.schema';
import { type Organisation, OrganisationSchema } from '../../../shared/schemas/organisation.schema';

const FIRST_NAMES = [
  'Anna',
  'Erik',
  'Maria',
  'Lars',
  'Karin',
  'Johan',
  'Eva',
  'Anders',
  'Sara',
  'Per',
  'Lena',
  'Mikael',
];
const LAST_NAMES = [
  'Andersson',
  'Johansson',
  'Karlsson',
  'Nilsson',
  'Eriksson',
  'Larsson',
  'Olsson',
  'Persson',
  'Svensson',
  'Gustafsson',
];

/** Parses the demo seed (`code;name;type;population_approx`), keeping codes as text so 0180 stays 0180. */
export function parseDemoOrganisations(csv: string): Organisation[] {
  const [header, ...lines] = csv
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '');
  if (!header || !/^code;name;type;population/.test(header)) throw new Error('Unexpected demo organisation header');
  return lines.map((line) => {
    const [id, name, type, population] = line.split(';');
    return OrganisationSchema.parse({ id, name, type, population: Number(population), memberSince: '2019-01-01' });
  });
}

/** The two demo contacts of an organisation: politiker.<code>@example.se and tjansteperson.<code>@example.se. */
export function demoContacts(organisation: Organisation, index: number): Contact[] {
  const pick = (list: string[], n: number) => list[n % list.length] as string;
  return [
    {
      id: `politiker-${organisation.id}`,
      organisationId: organisation.id,
      email: `politiker.${organisation.id}@example.se`,
      name: `${pick(FIRST_NAMES, index * 2)} ${pick(LAST_NAMES, index)}`,
      role: 'politician',
      emailState: 'ok',
    },
    {
      id: `tjansteperson-${organisation.id}`,
      organisationId: organisation.id,
      email: `tjansteperson.${organisation.id}@example.se`,
      name: `${pick(FIRST_NAMES, index * 2 + 1)} ${pick(LAST_NAMES, index + 3)}`,
      role: 'official',
      emailState: 'ok',
    },
  ];
}
