import { api } from '../api-client.ts';
import { indicatorCatalog } from '../indicator-catalog.ts';
import { useApi } from '../use-api.ts';
import { AsyncView } from './async-view.tsx';
import { IndicatorFigure } from './indicator-figure.tsx';

/** Props of IndicatorPanel. */
export interface IndicatorPanelProps {
  name: string;
  /** Heading level 2 or 3 (the page's outline decides). */
  level?: 2 | 3;
  /** Query parameters for the indicator. */
  params?: Record<string, string | number | undefined>;
  /** Chart only the rows of this series value (see IndicatorFigure). */
  onlySeries?: string;
}

/** Fetches one indicator and shows it as a titled section with its chart, caption and table. */
export function IndicatorPanel({ name, level = 2, params = {}, onlySeries }: IndicatorPanelProps) {
  const key = `${name}?${new URLSearchParams(params as Record<string, string>).toString()}`;
  const state = useApi(key, async (signal) => {
    const [result, catalog] = await Promise.all([
      api.indicator(name, params, signal),
      indicatorCatalog().catch(() => []),
    ]);
    return { result, summary: result.summary ?? catalog.find((item) => item.name === name)?.summary };
  });
  const Heading = level === 2 ? 'h2' : 'h3';
  const headingId = `indicator-${name}`;
  return (
    <section className="panel" aria-labelledby={headingId}>
      <Heading id={headingId}>
        {state.status === 'ok' ? state.data.result.title : name.replace(/-/g, ' ')}
      </Heading>
      <AsyncView state={state} what="the indicator">
        {({ result, summary }) => (
          <IndicatorFigure
            result={result}
            summary={summary}
            params={params}
            onlySeries={onlySeries}
            linkToPage
          />
        )}
      </AsyncView>
    </section>
  );
}
