import { Link } from 'react-router';
import { AsyncView } from '../components/async-view.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { indicatorCatalog } from '../indicator-catalog.ts';
import { useApi } from '../use-api.ts';

/** `/indicators`: every indicator the observatory computes. */
export default function IndicatorsPage() {
  const state = useApi('indicators', () => indicatorCatalog());
  return (
    <>
      <PageTitle title="Indicators" />
      <h1>Indicators</h1>
      <p className="lead">
        Every indicator is computed in the database from the catalog, with a written definition and its data
        as CSV. The same numbers come from <code>aperture indicators NAME --csv</code>.
      </p>
      <AsyncView state={state} what="the indicators">
        {(items) => (
          <ul className="indicator-list">
            {items.map((item) => (
              <li key={item.name}>
                <Link to={`/indicators/${encodeURIComponent(item.name)}`}>{item.title}</Link>
                <p>{item.summary}</p>
              </li>
            ))}
          </ul>
        )}
      </AsyncView>
    </>
  );
}
