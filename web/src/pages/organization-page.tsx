import { useParams } from 'react-router';
import { api } from '../api-client.ts';
import { AsyncView } from '../components/async-view.tsx';
import { ModelTable } from '../components/model-table.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { formatInteger, regionLabel } from '../format.ts';
import { useApi } from '../use-api.ts';

/** `/organizations/:id`: one organization and its models. */
export default function OrganizationPage() {
  const { id = '' } = useParams();
  const state = useApi(`organization:${id}`, (signal) => api.organization(id, signal));
  return (
    <AsyncView state={state} what="the organization">
      {(organization) => (
        <>
          <PageTitle title={organization.name} />
          <h1>{organization.name}</h1>
          <dl className="facts">
            <dt>Country</dt>
            <dd>{organization.countryName ?? organization.country ?? 'unknown'}</dd>
            <dt>Region</dt>
            <dd>{regionLabel(organization.region)}</dd>
            <dt>Type</dt>
            <dd>{organization.type ?? 'unknown'}</dd>
            <dt>Models</dt>
            <dd>
              {formatInteger(organization.modelCount)} ({formatInteger(organization.openModelCount)} with open
              weights)
            </dd>
          </dl>
          <h2>Models</h2>
          <ModelTable models={organization.models} caption={`Models by ${organization.name}`} />
        </>
      )}
    </AsyncView>
  );
}
