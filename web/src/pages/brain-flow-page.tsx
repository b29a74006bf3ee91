import { IndicatorPanel } from '../components/indicator-panel.tsx';
import { PageTitle } from '../components/page-title.tsx';

/** `/brain-flow`: moves of researchers between academia and industry. */
export default function BrainFlowPage() {
  return (
    <>
      <PageTitle title="Brain flow" />
      <h1>Brain flow</h1>
      <p className="lead">
        Researchers who move from universities to companies, per year, from the affiliation histories of
        authors in OpenAlex.
      </p>
      <IndicatorPanel name="brain-flow" />
    </>
  );
}
