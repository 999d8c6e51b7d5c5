/**
 * The accessibility statement, in the GOV.UK model (compliance status, what is not accessible and why, how to
 * report a problem, how it was tested). Shown in About; README.md carries the same text, so change both.
 */
export interface StatementSection {
  readonly heading: string;
  readonly paragraphs: readonly string[];
  readonly list?: readonly string[];
}

export const ACCESSIBILITY_STATEMENT: readonly StatementSection[] = [
  {
    heading: 'Using this app',
    paragraphs: [
      'Alignment Workbench is meant for everyone in a library service and its council. You should be able to use it with the keyboard alone, with a screen reader, at 200% text size or 400% zoom (320 CSS pixels wide) without scrolling sideways, and in the dark and high-contrast colour themes (Preferences). Every step has one main heading, named regions and headings to jump by; skip links lead past long lists to a step’s main action (Add services, Add one of their objectives, the workshop timer, Export), and F6 moves between the step navigation and the step.',
    ],
  },
  {
    heading: 'Compliance status',
    paragraphs: [
      'This app is partially compliant with the Web Content Accessibility Guidelines version 2.2 AA standard, because of the problems listed below.',
    ],
  },
  {
    heading: 'What is not accessible, and why',
    paragraphs: ['We know of these problems:'],
    list: [
      'The contribution map’s column headings grow to show each objective’s full title, at any text size, up to half the height of the window. A title longer than that is cut at its end in the heading; the full title of the focused cell’s objective is written above the grid and is part of each cell’s name for screen readers (WCAG 1.4.4).',
      'The map is a large grid of small cells. Selecting a block of cells needs Shift with the arrow keys or a pointer drag; there is no way to select a block by voice command alone (WCAG 2.5.7 is met by the keyboard route; voice users may find it slow).',
      'Charts in the Review step and in documents are pictures. Every chart has a text description and a data table with the same figures beside it.',
      'The workshop presenter view is made for a projected screen. It is not designed to be read with a screen reader; the facilitator’s console carries the same content.',
      'Word documents are made accessible (headings, table headers, alternative text, document language), but what happens to them after they are edited in Word is outside this app.',
      'The app has been checked with automated tests (axe-core), keyboard-only walkthroughs and the Chromium accessibility tree, but not yet with disabled users or with every screen reader (JAWS, NVDA, VoiceOver, Narrator).',
    ],
  },
  {
    heading: 'Reporting a problem',
    paragraphs: [
      'If you find a problem not listed here, or you cannot do something you need to, tell whoever supplies the app in your council (usually the IT service desk), who will pass it to the people who maintain it. Say which step you were on, what you were trying to do, and which assistive technology you use, if any. The log files (About, “Open logs folder”) help, and hold no workbook content.',
      'We aim to reply within 5 working days and to fix problems with the accessibility of the app within 3 months.',
    ],
  },
  {
    heading: 'Enforcement',
    paragraphs: [
      'The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018. If you are not happy with how your council responds to your complaint, contact the Equality Advisory and Support Service (EASS).',
    ],
  },
  {
    heading: 'How we tested this app',
    paragraphs: [
      'Every step is checked on each change by automated tests: axe-core against WCAG 2.0, 2.1 and 2.2 A and AA, keyboard journeys that check where focus goes after each action, reflow at 320 CSS pixels, and the contrast of every strength colour, its text and the focus ring in every theme. This statement was last reviewed in December 2026.',
    ],
  },
];
