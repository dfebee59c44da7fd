export default function App() {
  useEffect(() => { window.addEventListener("resize", onResize); });
  return <div className="x" onClick={() => { leaked = 1 }}><span>{items.map(i => <li key={i}
