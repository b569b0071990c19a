export default function Home() {
  return (
    <main>
      <h1>Studio+233</h1>
      <p>Operator console.</p>
    </main>
  );
}
