import { IndicatorPanel } from '../components/indicator-panel.tsx';
import { PageTitle } from '../components/page-title.tsx';

/** `/adoption`: downloads and derivatives by the base model's country of origin. */
export default function AdoptionPage() {
  return (
    <>
      <PageTitle title="Adoption" />
      <h1>Adoption</h1>
      <p className="lead">
        Who builds on whose models: downloads and derived models (fine-tunes, adapters, quantizations, merges)
        on the Hugging Face Hub, counted by the country of the organization that released the base model.
      </p>
      <IndicatorPanel name="adoption-by-origin" />
    </>
  );
}
