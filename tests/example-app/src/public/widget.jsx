// The order badge in the shop's header (browser code, bundled separately). Leak: the effect
// adds a resize listener and its clean-up removes a different function object, so every mount
// leaves a listener, and the component it closes over, on `window`.
import { useEffect, useState } from 'react';

export function OrderBadge({ count }) {
  const [wide, setWide] = useState(window.innerWidth > 600);
  const [online, setOnline] = useState(navigator.onLine);

  useEffect(() => {
    window.addEventListener('resize', () => setWide(window.innerWidth > 600));
    return () => window.removeEventListener('resize', () => setWide(window.innerWidth > 600));
  }, []);

  // No leak: the clean-up removes the very functions that were added.
  useEffect(() => {
    const goOnline = () => setOnline(true);
    const goOffline = () => setOnline(false);
    window.addEventListener('online', goOnline);
    window.addEventListener('offline', goOffline);
    return () => {
      window.removeEventListener('online', goOnline);
      window.removeEventListener('offline', goOffline);
    };
  }, []);

  return (
    <span className={online ? 'badge' : 'badge badge-offline'}>
      {wide ? `${count} orders` : count}
    </span>
  );
}
