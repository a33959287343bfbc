export function App() {
  return (
    <>
      <header className="site-header">
        <div className="wrap">
          <a className="brand" href="/">
            Klimatkommunerna
          </a>
        </div>
      </header>
      <main className="wrap" id="main">
        <h1>Medlemstestet</h1>
      </main>
    </>
  );
}
