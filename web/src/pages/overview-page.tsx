import { Link } from 'react-router';
import { IndicatorPanel } from '../components/indicator-panel.tsx';
import { PageTitle } from '../components/page-title.tsx';

/**
 * The headline indicators of the observatory; the top-labs chart shows the labs together (one line).
 * The last two are the research signals: university labs' share, and Chinese models as baselines.
 */
const HEADLINE: Array<{ name: string; onlySeries?: string }> = [
  { name: 'models-per-region' },
  { name: 'open-share-top-labs', onlySeries: '' },
  { name: 'mof-class-distribution' },
  { name: 'adoption-by-origin' },
  { name: 'university-labs' },
  { name: 'chinese-baselines' },
];

/** `/`: what the observatory watches, as six headline charts. */
export default function OverviewPage() {
  return (
    <>
      <PageTitle title="Overview" />
      <h1>How open is AI?</h1>
      <p className="lead">
        Who releases AI models, how openly, and who builds on them. Each chart below is computed from the
        catalog and comes with its definition and its data as CSV. Browse the <Link to="/models">models</Link>
        , the <Link to="/organizations">organizations</Link> behind them and the{' '}
        <Link to="/countries">countries</Link>, or <Link to="/check">check a release</Link> yourself.
      </p>
      <div className="panels">
        {HEADLINE.map((item) => (
          <IndicatorPanel key={item.name} name={item.name} onlySeries={item.onlySeries} />
        ))}
      </div>
    </>
  );
}
