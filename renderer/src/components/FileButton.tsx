import { useRef, type ReactNode } from 'react';

/**
 * A button that opens the file chooser, with the file input hidden behind it (a styled button is what keyboard
 * and screen-reader users meet; the input stays out of the Tab order). The input is cleared after each choice,
 * so choosing the same file again after fixing it still reads it.
 */
export function FileButton(props: { children: ReactNode; accept: string; fileLabel: string; onFile: (file: File) => void; disabled?: boolean; className?: string }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className={props.className ?? 'button button-secondary'} disabled={props.disabled} onClick={() => input.current?.click()}>
        {props.children}
      </button>
      <input
        ref={input}
        type="file"
        accept={props.accept}
        className="visually-hidden"
        tabIndex={-1}
        aria-label={props.fileLabel}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) props.onFile(file);
        }}
      />
    </>
  );
}
