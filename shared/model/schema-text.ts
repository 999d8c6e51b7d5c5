/** Text fields every schema shares: bounded in length and holding only characters XML can carry. */
import { z } from 'zod';
import { describeXmlIllegal, firstXmlIllegal } from './xml-text';

const limitText = (max: number) =>
  z
    .string()
    .max(max, { error: `Text is too long (the limit is ${max.toLocaleString('en-GB')} characters)` })
    .refine((s) => firstXmlIllegal(s) === -1, { error: (issue) => describeXmlIllegal(String(issue.input)) });

/** A short label: a title, a name, a unit. */
export const ShortText = limitText(500);
/** A paragraph or more: descriptions, rationales, findings. */
export const LongText = limitText(20_000);
export const Title = ShortText.trim().min(1, { error: 'This must not be empty' });
