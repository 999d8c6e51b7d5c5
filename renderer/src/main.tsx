import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { PresenterApp } from './features/workshops/presenter/PresenterApp';
import './styles/app.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {/* The projector window loads the same page on #presenter and shows only what the console pushes. */}
    {window.location.hash === '#presenter' ? <PresenterApp /> : <App />}
  </StrictMode>,
);
