import { useId, useMemo, useRef, useState, type ReactNode } from 'react';

export interface ComboboxProps<T> {
  label: string;
  hint?: ReactNode;
  /** Options for the typed text, best first. */
  search: (query: string) => readonly T[];
  optionKey: (option: T) => string;
  optionText: (option: T) => string;
  renderOption?: (option: T) => ReactNode;
  onSelect: (option: T) => void;
  placeholder?: string;
  emptyMessage?: string;
}

/**
 * Type-ahead picker following the WAI-ARIA combobox pattern (editable, list autocomplete): arrows move
 * through suggestions, Enter chooses, Escape closes the list, and the active option is announced.
 */
export function Combobox<T>(props: ComboboxProps<T>) {
  const id = useId();
  const listId = `${id}-list`;
  const hintId = `${id}-hint`;
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const options = useMemo(() => (open ? props.search(query) : []), [open, query, props]);
  const activeOption = options[Math.min(active, options.length - 1)];

  const choose = (option: T) => {
    props.onSelect(option);
    setQuery('');
    setOpen(false);
    setActive(0);
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!open) setOpen(true);
        else setActive((a) => Math.min(a + 1, Math.max(options.length - 1, 0)));
        break;
      case 'ArrowUp':
        e.preventDefault();
        setActive((a) => Math.max(a - 1, 0));
        break;
      case 'Enter':
        if (open && activeOption !== undefined) {
          e.preventDefault();
          choose(activeOption);
        }
        break;
      case 'Escape':
        if (open) {
          e.preventDefault();
          e.stopPropagation();
          setOpen(false);
        } else setQuery('');
        break;
      default:
        break;
    }
  };

  const optionId = (o: T) => `${id}-opt-${props.optionKey(o).replace(/[^A-Za-z0-9_-]/g, '_')}`;

  return (
    <div className="field combobox">
      <label htmlFor={id}>{props.label}</label>
      {props.hint && (
        <div id={hintId} className="hint">
          {props.hint}
        </div>
      )}
      <input
        ref={inputRef}
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-describedby={props.hint ? hintId : undefined}
        aria-activedescendant={open && activeOption !== undefined ? optionId(activeOption) : undefined}
        placeholder={props.placeholder}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
          setActive(0);
        }}
        onFocus={() => setOpen(query !== '')}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" aria-label={`${props.label} suggestions`} className="combobox-list" hidden={!open}>
        {open && options.length === 0 && (
          <li className="combobox-empty" role="presentation">
            {props.emptyMessage ?? 'No matches'}
          </li>
        )}
        {options.map((o, i) => (
          <li
            key={props.optionKey(o)}
            id={optionId(o)}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'active' : undefined}
            onMouseDown={(e) => e.preventDefault()}
            onMouseMove={() => setActive(i)}
            onClick={() => choose(o)}
          >
            {props.renderOption ? props.renderOption(o) : props.optionText(o)}
          </li>
        ))}
      </ul>
    </div>
  );
}
