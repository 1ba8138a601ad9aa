import type { ReproCard } from './reproduce';

/** The Reproduce cards as text, one line per check (what `npm run repro -- fd` prints). */
export function reproCardsText(cards: unknown): string {
  return (cards as ReproCard[])
    .map((c) =>
      [
        `${c.id} (${c.figure}): ${c.rows.every((r) => r.holds) ? 'holds' : 'DOES NOT HOLD'}`,
        ...c.rows.map((r) => `  ${r.holds ? '✓' : '✗'} ${r.what}: ${r.lab} (expected ${r.expected})`),
      ].join('\n'),
    )
    .join('\n');
}
