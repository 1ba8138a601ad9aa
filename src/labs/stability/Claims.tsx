import type { ReactNode } from 'react';
import { fmt } from './format';
import { type Comparison } from './compare';

type Verdict = 'holds' | 'fails' | 'n/a';

interface Claim {
  id: string;
  source: string;
  claim: ReactNode;
  numbers: string;
  verdict: Verdict;
  /**
   * For a statement the paper gets wrong: what is true instead, in words. The verdict then says only whether this
   * run happens to satisfy the statement, never that the statement holds.
   */
  falseAsStated?: string;
}

/** Each claim of paper 004 next to what the current run's numbers do (lab spec Sec. 3.5, 8). */
export function claimsFor(c: Comparison): Claim[] {
  const { gd, eta, phi } = c;
  const tr = gd.trace!;
  const Q0 = c.a0 * c.a0 - c.b0 * c.b0;
  const conv = gd.outcome === 'converged';
  const eps0 = c.a0 * c.b0 - phi;
  const lam0 = c.a0 ** 2 + c.b0 ** 2;
  const lamBar = Math.sqrt(lam0 * lam0 + 4 * phi * phi);
  let maxLam = 0;
  let monotone = true;
  for (let i = 0; i < tr.n; i++) {
    maxLam = Math.max(maxLam, tr.lam[i]);
    if (i > 0 && Math.abs(tr.eps[i]) > Math.abs(tr.eps[i - 1])) monotone = false;
  }
  const under1 = gd.maxEtaEps < 1;
  const upper = Math.exp(-eta * eta * gd.sumEps2);
  const lower = Math.exp((-Math.sqrt(eta) * eps0 * eps0) / phi);
  const lamInf = Math.sqrt((Q0 * gd.qRatio) ** 2 + 4 * phi * phi);
  // Lemma 2/7 at the first step: the paper's decrement vs the exact one.
  const f = eta * eta * eps0 * eps0;
  const K0 = Math.abs(Q0);
  const alphaPaper = 2 * f * Q0 * Q0 * Math.abs(1 - f);
  const alphaExact = f * (2 - f) * K0 * K0;
  return [
    {
      id: 'flatter',
      source: 'Main result (Sec. 3.5)',
      claim: 'GD converges to a flatter minimum than gradient flow from the same start (when η|ε_t| < √2 at every step).',
      numbers: conv ? `λ_GD = ${fmt(lamInf, 7)} vs R = ${fmt(c.flow.R, 7)}; max η|ε| = ${fmt(gd.maxEtaEps)}` : 'GD did not converge',
      verdict: !conv || gd.maxEtaEps >= Math.SQRT2 || Q0 === 0 ? 'n/a' : lamInf <= c.flow.R ? 'holds' : 'fails',
    },
    {
      id: 'eos',
      source: 'Linear stability (Sec. 3.2)',
      claim: 'A minimum GD converges to has sharpness λ ≤ 2/η.',
      numbers: conv ? `λ = ${fmt(gd.S, 7)} vs 2/η = ${fmt(2 / eta, 7)}` : 'GD did not converge',
      verdict: conv ? (gd.S <= (2 / eta) * (1 + 1e-9) ? 'holds' : 'fails') : 'n/a',
    },
    {
      id: 'thm1-upper',
      source: 'Theorem 1, upper bound',
      claim: '|Q(∞)| ≤ |Q(0)| exp(−η² Σ ε_t²) when η|ε_t| < 1 for all t.',
      numbers: `|Q(T)/Q(0)| = ${fmt(Math.abs(gd.qRatio), 6)} vs bound ${fmt(upper, 6)}`,
      verdict: !under1 || Q0 === 0 ? 'n/a' : Math.abs(gd.qRatio) <= upper * (1 + 1e-12) ? 'holds' : 'fails',
    },
    {
      id: 'thm1-lower',
      source: 'Theorem 1, lower bound (false as stated)',
      claim: '|Q(0)| exp(−√η ε(0)²/Φ) < |Q(∞)|.',
      numbers: `|Q(T)/Q(0)| = ${fmt(Math.abs(gd.qRatio), 6)} vs claimed lower bound ${fmt(lower, 6)}`,
      verdict: !conv || !under1 || Q0 === 0 ? 'n/a' : Math.abs(gd.qRatio) > lower ? 'holds' : 'fails',
      falseAsStated: 'False in general: small starts break it ((0.01, 0.001) with η = 0.1 ends at 0.60828, below the claimed 0.72890; preset S-thm1-lower).',
    },
    {
      id: 'lemma1',
      source: 'Lemma 1 / 8 (false as stated)',
      claim: 'With η ≤ 1/|ε(0)| and |ε| decreasing, λ(t) ≤ λ̄ = √(λ₀² + 4Φ²) along GD.',
      numbers: `max λ(t) = ${fmt(maxLam, 7)} vs λ̄ = ${fmt(lamBar, 7)}; |ε| ${monotone ? 'decreasing' : 'not monotone'}`,
      verdict: eta <= 1 / Math.abs(eps0) && monotone ? (maxLam <= lamBar ? 'holds' : 'fails') : 'n/a',
      falseAsStated:
        'False in general: (−0.26904, −1.44695) with η = 0.67118 reaches λ(1) = 3.1683 > λ̄ = 2.9482 while |ε| decreases (preset S-lemma1). The gradient-flow version is true.',
    },
    {
      id: 'lemma2',
      source: 'Lemma 2 / 7 (misprinted)',
      claim: 'The first-step decrement of α is 2η²ε²Q²|1 − η²ε²| (exact: η²ε²(2 − η²ε²)K²).',
      numbers: `paper ${fmt(alphaPaper, 6)} vs exact ${fmt(alphaExact, 6)}`,
      verdict: Math.abs(alphaPaper - alphaExact) <= 1e-9 * Math.max(1, alphaExact) ? 'holds' : 'fails',
      falseAsStated: 'Misprinted: the true decrement is η²ε²(2 − η²ε²)K²; the printed one agrees with it only by coincidence.',
    },
  ];
}

/** What the badge says: about this run only, so a false statement that this run satisfies does not read as true. */
const badgeText: Record<Verdict, string> = { holds: 'true on this run', fails: 'fails on this run', 'n/a': 'not applicable' };

const badge: Record<Verdict, string> = {
  holds: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/50 dark:text-emerald-100',
  fails: 'bg-red-100 text-red-900 dark:bg-red-900/50 dark:text-red-100',
  'n/a': 'bg-slate-100 text-slate-600 dark:bg-slate-800 dark:text-slate-300',
};

export function Claims({ c }: { c: Comparison }) {
  const claims = claimsFor(c);
  return (
    <section aria-label="Check the theorems" data-testid="stability-claims" className="rounded border border-slate-200 p-2 dark:border-slate-800">
      <h3 className="mb-1 text-sm font-semibold">Check the theorems on this run</h3>
      <ul className="flex flex-col gap-1.5 text-xs">
        {claims.map((k) => (
          <li key={k.id} data-claim={k.id} data-verdict={k.verdict} className="flex gap-2">
            <span className={`h-fit w-24 shrink-0 rounded px-1.5 py-0.5 text-center text-[10px] font-semibold ${badge[k.verdict]}`}>{badgeText[k.verdict]}</span>
            <span>
              <span className="text-slate-500">{k.source}: </span>
              <span>{k.claim}</span>
              {k.falseAsStated && (
                <span className="block text-red-800 dark:text-red-300" data-testid={`claim-false-${k.id}`}>
                  {k.falseAsStated}
                </span>
              )}
              <span className="num block text-slate-600 dark:text-slate-400">{k.numbers}</span>
            </span>
          </li>
        ))}
      </ul>
      <details className="mt-2 text-xs text-slate-600 dark:text-slate-400">
        <summary className="cursor-pointer">Other statements of the paper that fail or are misprinted</summary>
        <ul className="mt-1 list-disc pl-4">
          <li>The imbalance update is printed |1 − η²ε|²|Q|; it is |1 − η²ε²||Q| (Eq. 8).</li>
          <li>Theorem 1’s lower bound fails for small starts: (0.01, 0.001), η = 0.1 gives 0.60828 against the claimed 0.72890 (preset S-thm1-lower).</li>
          <li>
            Lemma 1 counterexample: (−0.26904, −1.44695), η = 0.67118 gives λ(1) = 3.1683 &gt; λ̄ = 2.9482 although |ε| decreases (preset S-lemma1). Its gradient-flow version holds.
          </li>
          <li>Lemma 10’s λ² = Q² + 4‖a‖²‖b‖² fails for d &gt; 1 (a = (1, 0), b = (0, 1): 4 vs 8); the identity is λ² = K² + 4(aᵀb)².</li>
          <li>Eq. 14 rescales λ, Q, ε and η by s = mean x²; only η is rescaled (η_eff = sη), and the sharpness of the data loss is sλ.</li>
          <li>At ηΦ = 1 |ε_t| decays like t^(−1/2), not 1/t as footnote 4 says (preset S-flip-boundary).</li>
          <li>Figure 3 specifies no protocol; the heatmaps below use the lab’s documented stand-in, so their numbers are the lab’s, not the paper’s.</li>
        </ul>
      </details>
    </section>
  );
}
