import { useEffect } from 'react';
import { Link } from '../router.tsx';

export function NotFoundPage() {
  useEffect(() => {
    document.title = 'Sidan finns inte · Ramplan';
  }, []);
  return (
    <main className="page-center" id="main">
      <h1>Sidan finns inte</h1>
      <p>Adressen leder inte till någon vy i Ramplan. Den kan vara felstavad eller gammal.</p>
      <p>
        <Link href="/">Gå till översikten</Link>
      </p>
    </main>
  );
}
