import { Link } from 'react-router';
import { PageTitle } from '../components/page-title.tsx';

/** Any path the dashboard does not know. */
export default function NotFoundPage() {
  return (
    <>
      <PageTitle title="Page not found" />
      <h1>Page not found</h1>
      <p>
        There is no page at this address. Start from the <Link to="/">overview</Link> or search the{' '}
        <Link to="/models">models</Link>.
      </p>
    </>
  );
}
