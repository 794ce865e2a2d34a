// Frame against net cost, and the balance check in text and icon with its reasons.
import type { Summary } from '../api-types.ts';
import { balanceHeadline } from '../balance.ts';
import { CheckIcon, WarningIcon } from '../components/icons.tsx';
import { formatPercent, formatTkr, subOre } from '../domain.ts';

export function BalancePanel({ summary }: { summary: Summary }) {
  const { frameOre, netCostOre } = summary;
  const headline = balanceHeadline(summary.inBalance, summary.balanceReasons);
  const usedPercent = frameOre !== null && frameOre > 0 ? Math.round((netCostOre / frameOre) * 1000) / 10 : null;
  const meterMax = frameOre === null ? netCostOre : Math.max(frameOre, netCostOre);
  const fillWidth = meterMax > 0 ? Math.max(0, Math.min(100, (netCostOre / meterMax) * 100)) : 0;
  const frameAt = frameOre !== null && meterMax > 0 ? (frameOre / meterMax) * 100 : null;
  return (
    <section className="panel panel-balance" aria-labelledby="balance-h">
      <h2 id="balance-h">Ram och balans {summary.year}</h2>
      <div className={summary.inBalance ? 'balance balance-ok' : 'balance balance-warning'}>
        {summary.inBalance ? <CheckIcon /> : <WarningIcon />}
        <p className="balance-headline">{headline}</p>
      </div>
      {summary.balanceReasons.length > 0 && (
        <ul className="balance-reasons" aria-label="Skäl">
          {summary.balanceReasons.map((r) => (
            <li key={r.code}>{r.message}</li>
          ))}
        </ul>
      )}
      <dl className="figures">
        <div>
          <dt>Intäkter</dt>
          <dd>{formatTkr(summary.totalRevenueOre)}</dd>
        </div>
        <div>
          <dt>Kostnader</dt>
          <dd>{formatTkr(summary.totalCostOre)}</dd>
        </div>
        <div>
          <dt>Resultat</dt>
          <dd>{formatTkr(summary.resultOre)}</dd>
        </div>
        <div>
          <dt>Nettokostnad</dt>
          <dd>{formatTkr(netCostOre)}</dd>
        </div>
        <div>
          <dt>Ram</dt>
          <dd>{frameOre === null ? 'Ingen ram satt' : formatTkr(frameOre)}</dd>
        </div>
        {frameOre !== null && (
          <div>
            <dt>Kvar inom ramen</dt>
            <dd>{formatTkr(subOre(frameOre, netCostOre))}</dd>
          </div>
        )}
      </dl>
      {frameOre !== null && (
        <div className="frame-meter">
          <p id="frame-meter-label">
            Nettokostnaden är {usedPercent === null ? '–' : formatPercent(usedPercent, 1)} av ramen.
          </p>
          <svg viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true" focusable="false">
            <rect x="0" y="0" width="100" height="6" className="meter-track" />
            <rect x="0" y="0" width={fillWidth} height="6" className={netCostOre > frameOre ? 'meter-fill meter-over' : 'meter-fill'} />
            {frameAt !== null && <rect x={Math.min(99.4, frameAt)} y="0" width="0.6" height="6" className="meter-frame" />}
          </svg>
        </div>
      )}
    </section>
  );
}
