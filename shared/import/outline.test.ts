/**
 * Plan text as officers paste it. Each expected outline was worked out by hand from the rules in outline.ts
 * (and from what a reader of the plan would expect), then compared with formatOutline's two-space indentation.
 */
import { describe, expect, it } from 'vitest';
import {
  countNodes,
  formatOutline,
  outlineDepth,
  parseOutline,
  type OutlineNode,
} from './outline';

const outline = (text: string) => formatOutline(parseOutline(text));
const find = (nodes: readonly OutlineNode[], title: string): OutlineNode | undefined => {
  for (const n of nodes) {
    if (n.title === title) return n;
    const inner = find(n.children, title);
    if (inner) return inner;
  }
  return undefined;
};

describe('parseOutline: numbered lists', () => {
  it('nests dotted numbers under their parents and keeps the title line as a sibling, not a parent', () => {
    const text = [
      'Our Council Plan 2026-2030',
      '',
      '1. A healthier Essex',
      "1.1 Improve residents' mental wellbeing and reduce loneliness",
      '1.2 Help more people to be physically active',
      '2. Children and young people',
      '2.1 Every child ready for school',
      '2.2 Improve reading at the end of primary school',
    ].join('\n');
    // The title rule: a plain line is never the parent of a numbered list, so the plan's title stays at the top
    // level where the officer can leave it out in the preview.
    expect(outline(text)).toBe(
      [
        'Our Council Plan 2026-2030',
        'A healthier Essex',
        "  Improve residents' mental wellbeing and reduce loneliness",
        '  Help more people to be physically active',
        'Children and young people',
        '  Every child ready for school',
        '  Improve reading at the end of primary school',
        '',
      ].join('\n'),
    );
  });

  it('records the 1-based source line of each item, counting blank lines', () => {
    const nodes = parseOutline('Our plan\n\n1. Health\n1.1 Loneliness\n\n2. Economy');
    expect(nodes.map((n) => [n.title, n.line])).toEqual([
      ['Our plan', 1],
      ['Health', 3],
      ['Economy', 6],
    ]);
    expect(nodes[1]!.children.map((n) => [n.title, n.line])).toEqual([['Loneliness', 4]]);
  });

  it('goes four levels deep with dotted numbers and comes back out', () => {
    expect(outline('1 Health\n1.1 Loneliness\n1.1.1 Befriending\n1.1.1.1 Reading Friends\n2 Economy')).toBe(
      'Health\n  Loneliness\n    Befriending\n      Reading Friends\nEconomy\n',
    );
  });

  it('puts lettered items under numbers and roman numerals under letters, with Windows line endings', () => {
    expect(
      outline(
        '1. Healthy lives\r\na) Reduce loneliness\r\nb) More active\r\n2. Economy\r\na) Jobs\r\ni. Apprenticeships',
      ),
    ).toBe('Healthy lives\n  Reduce loneliness\n  More active\nEconomy\n  Jobs\n    Apprenticeships\n');
  });

  it('reads “i)” after “h)” as the ninth letter, not as roman one under it', () => {
    const text = [
      '1. Health',
      ...'abcdefghij'.split('').map((c, i) => `(${c}) Aim ${i + 1}`),
      '2. Jobs',
    ].join('\n');
    expect(parseOutline(text)[0]!.children.map((n) => n.title)).toEqual(
      [...Array(10).keys()].map((i) => `Aim ${i + 1}`),
    );
    expect(outline('a) Jobs\ni. Apprenticeships\nii. Traineeships\nb) Skills')).toBe(
      'Jobs\n  Apprenticeships\n  Traineeships\nSkills\n',
    );
  });

  it('does not read a year at the start of a line as a number', () => {
    expect(outline('2030 vision for the county\n1. Health\n2. Economy')).toBe(
      '2030 vision for the county\nHealth\nEconomy\n',
    );
  });
});

describe('parseOutline: bullets and indentation', () => {
  it('nests indented bullets by their indentation', () => {
    expect(outline('- Health\n  - Mental wellbeing\n  - Active lives\n- Economy\n  * Jobs')).toBe(
      'Health\n  Mental wellbeing\n  Active lives\nEconomy\n  Jobs\n',
    );
  });

  it('rebuilds nesting a paste has flattened: the bullet style seen first is the parent', () => {
    expect(
      outline('• Health and wellbeing\n- Reduce loneliness\n- More active\n• Economy\n- Good jobs'),
    ).toBe('Health and wellbeing\n  Reduce loneliness\n  More active\nEconomy\n  Good jobs\n');
  });

  it('reads Word’s pasted “o” sub-bullets as bullets', () => {
    expect(outline('Health\no Loneliness\no Activity')).toBe('Health\n  Loneliness\n  Activity\n');
  });

  it('counts a tab as four spaces of indentation, however deep', () => {
    expect(outline('Health\n\tLoneliness\n\t\tBefriending\n\tActivity\nEconomy')).toBe(
      'Health\n  Loneliness\n    Befriending\n  Activity\nEconomy\n',
    );
  });

  it('puts a numbered list under each bullet when bullets came first', () => {
    expect(outline('- Health\n1. Loneliness\n2. Activity\n- Economy\n1. Jobs')).toBe(
      'Health\n  Loneliness\n  Activity\nEconomy\n  Jobs\n',
    );
  });
});

describe('parseOutline: headings', () => {
  it('nests Markdown headings by level, with list items under the nearest heading', () => {
    expect(outline('# Plan\n## Theme A\n### Obj 1\n### Obj 2\n## Theme B\n- item')).toBe(
      'Plan\n  Theme A\n    Obj 1\n    Obj 2\n  Theme B\n    item\n',
    );
  });

  it('closes a list when the next heading comes, however deep the list went', () => {
    expect(outline('## Health\n- Loneliness\n  - Befriending\n## Economy\n- Jobs')).toBe(
      'Health\n  Loneliness\n    Befriending\nEconomy\n  Jobs\n',
    );
  });

  it('reads “Theme 1:” lines as headings and drops the “Theme 1:” label from the title', () => {
    expect(
      outline(
        'Theme 1: Healthy lives\n- Reduce loneliness\n- Active people\nTheme 2: Thriving economy\n- Good jobs',
      ),
    ).toBe('Healthy lives\n  Reduce loneliness\n  Active people\nThriving economy\n  Good jobs\n');
  });

  it('drops “Priority one –” style labels too', () => {
    expect(outline('Priority one – Health and wellbeing\n- Loneliness\nPriority two – Economy\n- Jobs')).toBe(
      'Health and wellbeing\n  Loneliness\nEconomy\n  Jobs\n',
    );
  });

  it('reads ALL CAPS lines as headings over the plain lines beneath them, keeping the capitals', () => {
    expect(
      outline(
        'OUR PEOPLE\nEvery child has the best start\nOlder people live independently\nOUR PLACE\nVibrant town centres',
      ),
    ).toBe(
      'OUR PEOPLE\n  Every child has the best start\n  Older people live independently\nOUR PLACE\n  Vibrant town centres\n',
    );
  });

  it('reads “Label:” lines as headings and drops the colon', () => {
    expect(outline('Health:\n- A\n- B\nEconomy:\n- C')).toBe('Health\n  A\n  B\nEconomy\n  C\n');
  });
});

describe('parseOutline: prose and plain lists', () => {
  it('makes a paragraph after an item its description instead of an item', () => {
    const nodes = parseOutline(
      [
        '1. Healthy lives',
        'We will work with the NHS to help residents live longer, healthier lives in every part of the county.',
        '2. Strong economy',
        'this covers jobs and skills',
        '2.1 Good jobs',
      ].join('\n'),
    );
    expect(formatOutline(nodes)).toBe('Healthy lives\nStrong economy\n  Good jobs\n');
    expect(nodes[0]!.description).toBe(
      'We will work with the NHS to help residents live longer, healthier lives in every part of the county.',
    );
    // Starts with a small letter: a continuation, not a new item.
    expect(nodes[1]!.description).toBe('this covers jobs and skills');
    expect(nodes[1]!.children[0]!.description).toBe('');
  });

  it('joins a paragraph a PDF copy broke over several lines into one description', () => {
    const nodes = parseOutline(
      [
        'Theme 1: Healthy lives',
        'We want everyone in Northshire to live a long and healthy life, with good mental health and',
        'friends and neighbours nearby.',
        '- Reduce loneliness',
      ].join('\n'),
    );
    expect(nodes[0]!.title).toBe('Healthy lives');
    expect(nodes[0]!.description).toBe(
      'We want everyone in Northshire to live a long and healthy life, with good mental health and friends and neighbours nearby.',
    );
    expect(formatOutline(nodes)).toBe('Healthy lives\n  Reduce loneliness\n');
  });

  it('keeps every line of a plain list of long sentences as an item of its own', () => {
    const text = [
      'We will help every resident to live a longer and healthier life, wherever they live in the county.',
      'We will make sure every child gets the best start in life and does well at school.',
      'We will support local businesses to grow and create good jobs for local people.',
    ].join('\n');
    const nodes = parseOutline(text);
    expect(nodes.map((n) => n.title)).toEqual(text.split('\n'));
    expect(nodes.every((n) => n.description === '' && n.children.length === 0)).toBe(true);
  });

  it('keeps short plain lines after a numbered item as its children', () => {
    expect(outline('1. Health\nReduce loneliness\nMore active')).toBe(
      'Health\n  Reduce loneliness\n  More active\n',
    );
  });
});

describe('parseOutline: a mixed paste from a real plan', () => {
  const PLAN = [
    'Northshire County Council Plan 2026 to 2030',
    '',
    'OUR PRIORITIES',
    '',
    'Theme 1: A healthy Northshire',
    'We want people to live long, healthy and independent lives.',
    '  • Reduce loneliness and social isolation',
    '  • Help more people to be physically active',
    '      o Free swimming for under-16s',
    'Theme 2: A thriving economy',
    '  • More residents in good, secure jobs',
    '  • Everyone can get online',
    '',
    'How we will measure success:',
    '1. Fewer adults reporting that they feel lonely',
    '2. More adults gain a level 2 qualification',
  ].join('\n');

  it('gives the hierarchy a reader would draw', () => {
    // Labels ("OUR PRIORITIES", "Theme 1:") are siblings of one another at the same indentation; bullets and
    // the deeper "o" item nest by indentation; the "How we will measure" label heads its numbered list.
    expect(outline(PLAN)).toBe(
      [
        'Northshire County Council Plan 2026 to 2030',
        'OUR PRIORITIES',
        'A healthy Northshire',
        '  Reduce loneliness and social isolation',
        '  Help more people to be physically active',
        '    Free swimming for under-16s',
        'A thriving economy',
        '  More residents in good, secure jobs',
        '  Everyone can get online',
        'How we will measure success',
        '  Fewer adults reporting that they feel lonely',
        '  More adults gain a level 2 qualification',
        '',
      ].join('\n'),
    );
    const nodes = parseOutline(PLAN);
    expect(find(nodes, 'A healthy Northshire')!.description).toBe(
      'We want people to live long, healthy and independent lives.',
    );
    expect(countNodes(nodes)).toBe(12);
    expect(outlineDepth(nodes)).toBe(3);
  });

  it('finds nothing in blank text, empty bullets or rule lines', () => {
    expect(parseOutline('')).toEqual([]);
    expect(parseOutline('   \n\t\n')).toEqual([]);
    // An empty bullet, a rule line and a lone colon hold no item.
    expect(outline('- \n•\n---\n:\nHealth')).toBe('Health\n');
  });
});

describe('formatOutline, outlineDepth and countNodes', () => {
  it('indents two spaces a level and ends every line with a newline', () => {
    const tree: OutlineNode[] = [
      {
        title: 'A',
        description: 'd',
        line: 1,
        key: 1,
        children: [
          {
            title: 'B',
            description: '',
            line: 2,
            key: 2,
            children: [{ title: 'C', description: '', line: 3, key: 3, children: [] }],
          },
        ],
      },
      { title: 'D', description: '', line: 4, key: 4, children: [] },
    ];
    expect(formatOutline(tree)).toBe('A\n  B\n    C\nD\n');
    expect(outlineDepth(tree)).toBe(3);
    expect(countNodes(tree)).toBe(4);
    expect(formatOutline([])).toBe('');
    expect(outlineDepth([])).toBe(0);
  });
});
