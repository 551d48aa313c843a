import SyncStatus from '@/components/SyncStatus';
import { useStatus } from '@/components/hooks/useStatus';

/** Sync schedule, scope and health. */
export default function SyncSection() {
  const { status } = useStatus(1000);
  return (
    <section class="card" aria-labelledby="sync-heading">
      <h2 id="sync-heading">Sync</h2>
      <SyncStatus health={status?.sync ?? null} />
    </section>
  );
}
