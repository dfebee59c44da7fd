// A browser widget. Leak: the effect adds a resize listener and its cleanup removes a different
// function object, so every mount leaves one listener (and the component) behind.
import { useEffect, useState } from 'react';

export function OrderBadge({ count }) {
  const [width, setWidth] = useState(window.innerWidth);
  useEffect(() => {
    window.addEventListener('resize', () => setWidth(window.innerWidth));
    return () => window.removeEventListener('resize', () => setWidth(window.innerWidth));
  }, []);
  return <span class="badge">{width > 600 ? `${count} orders` : count}</span>;
}
