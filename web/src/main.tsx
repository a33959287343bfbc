import { createRoot } from 'react-dom/client';
import { App } from './App';
import { getLang, loadDictionary } from './i18n';

const root = document.getElementById('root');
// A visitor who chose English gets English from the first paint (its strings are a separate chunk).
if (root) {
  void loadDictionary(getLang())
    .catch(() => {})
    .then(() => createRoot(root).render(<App />));
}
