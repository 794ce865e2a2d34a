// On the committee overview: revenue that stops when an externally financed project ends, for the
// plan years, from the same project-plan API as the project registry. Shown only when there is any.
import { WarningIcon } from '../components/icons.tsx';
import { formatTkr } from '../domain.ts';
import { featureApi } from '../feature-api.ts';
import { useApi } from '../use-api.ts';

export function ProjectEndingNotice({ orgCode, firstYear, lastYear }: { orgCode: string; firstYear: number; lastYear: number }) {
  const { load } = useApi(`project-plan:${orgCode}:${firstYear}:${lastYear}`, (signal) => featureApi.getProjectPlan(orgCode, firstYear, lastYear, signal));
  if (load.state !== 'ok') return null;
  const flagged = load.value.years.filter((y) => y.flags.length > 0);
  if (flagged.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="ending-revenue-h" id="ending-revenue">
      <h2 id="ending-revenue-h">Intäkter som upphör när projekt slutar</h2>
      <p className="hint">
        Planår {firstYear}–{lastYear}. Ansökta, beviljade och avslutade projekt; se Projekt för detaljer.
      </p>
      <ul>
        {flagged.flatMap((y) =>
          y.flags.map((f) => (
            <li key={`${y.year}-${f.project}`} className="status-inline status-warning">
              <WarningIcon /> <strong>{y.year}:</strong> {f.message} ({formatTkr(f.amountOre)})
            </li>
          )),
        )}
      </ul>
    </section>
  );
}
