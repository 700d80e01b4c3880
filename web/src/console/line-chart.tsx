import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/** A small line chart (uPlot) with its numbers also as a table for screen readers. */
export function LineChart({ label, points }: { label: string; points: { x: string; y: number | null }[] }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!host.current || points.length === 0) return;
    const xs = points.map((_, index) => index);
    const chart = new uPlot(
      {
        width: Math.min(640, host.current.clientWidth || 640),
        height: 200,
        scales: { x: { time: false } },
        axes: [{ values: (_, ticks) => ticks.map((tick) => points[tick]?.x ?? '') }, {}],
        series: [{}, { label, stroke: '#1f5fa8', width: 2, spanGaps: false }],
      },
      [xs, points.map((point) => point.y)],
      host.current,
    );
    return () => chart.destroy();
  }, [label, points]);
  return (
    <figure>
      <div ref={host} aria-hidden="true" />
      <table class="visually-hidden">
        <caption>{label}</caption>
        <tbody>
          {points.map((point) => (
            <tr key={point.x}>
              <th scope="row">{point.x}</th>
              <td>{point.y ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
