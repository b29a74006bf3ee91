import { useParams, useSearchParams } from 'react-router';
import { api } from '../api-client.ts';
import { AsyncView } from '../components/async-view.tsx';
import { IndicatorFigure } from '../components/indicator-figure.tsx';
import { InlineMarkdown, MarkdownText } from '../components/markdown-text.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { humanize } from '../format.ts';
import { indicatorCatalog } from '../indicator-catalog.ts';
import { useApi } from '../use-api.ts';

/** `/indicators/:name`: any indicator as a chart, its full table, its definition and parameters. */
export default function IndicatorPage() {
  const { name = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const params = Object.fromEntries(search.entries());
  const state = useApi(`${name}?${search.toString()}`, async (signal) => {
    const [result, catalog] = await Promise.all([
      api.indicator(name, params, signal),
      indicatorCatalog().catch(() => []),
    ]);
    return { result, info: catalog.find((item) => item.name === name) };
  });
  const title = state.status === 'ok' ? state.data.result.title : humanize(name);
  return (
    <>
      <PageTitle title={title} />
      <h1>{title}</h1>
      <AsyncView state={state} what="the indicator">
        {({ result, info }) => (
          <>
            <IndicatorFigure
              result={result}
              summary={result.summary ?? info?.summary}
              params={params}
              tableOpen
            />
            <section id="definition" aria-labelledby="definition-title">
              <h2 id="definition-title">Definition</h2>
              {result.definition ? (
                <MarkdownText text={result.definition} />
              ) : (
                <p>
                  <InlineMarkdown
                    text={info?.summary ?? 'See docs/indicators.md for the definition of this indicator.'}
                  />
                </p>
              )}
              <h3>Columns</h3>
              <dl>
                {result.columns.map((column) => (
                  <div key={column.name}>
                    <dt>
                      <code>{column.name}</code>
                    </dt>
                    <dd>{column.description}</dd>
                  </div>
                ))}
              </dl>
            </section>
            {info && info.parameters.length > 0 && (
              <section aria-labelledby="parameters-title">
                <h2 id="parameters-title">Parameters</h2>
                <form
                  className="filters"
                  onSubmit={(event) => {
                    event.preventDefault();
                    const data = new FormData(event.currentTarget);
                    const next = new URLSearchParams();
                    for (const [key, value] of data.entries()) {
                      if (typeof value === 'string' && value.trim()) next.set(key, value.trim());
                    }
                    setSearch(next);
                  }}
                >
                  {info.parameters.map((parameter) => (
                    <label key={parameter.name} htmlFor={`param-input-${parameter.name}`}>
                      {humanize(parameter.name)}
                      {parameter.choices ? (
                        <select
                          id={`param-input-${parameter.name}`}
                          name={parameter.name}
                          defaultValue={search.get(parameter.name) ?? ''}
                          aria-describedby={`param-${parameter.name}`}
                        >
                          <option value="">
                            Default{parameter.default === undefined ? '' : ` (${parameter.default})`}
                          </option>
                          {parameter.choices.map((choice) => (
                            <option key={choice} value={choice}>
                              {choice}
                            </option>
                          ))}
                        </select>
                      ) : (
                        <input
                          id={`param-input-${parameter.name}`}
                          name={parameter.name}
                          type={parameter.type === 'integer' ? 'number' : 'text'}
                          min={parameter.min}
                          max={parameter.max}
                          defaultValue={search.get(parameter.name) ?? ''}
                          placeholder={parameter.default === undefined ? '' : String(parameter.default)}
                          aria-describedby={`param-${parameter.name}`}
                        />
                      )}
                      <small id={`param-${parameter.name}`}>{parameter.description}</small>
                    </label>
                  ))}
                  <button type="submit">Apply</button>
                </form>
              </section>
            )}
          </>
        )}
      </AsyncView>
    </>
  );
}
