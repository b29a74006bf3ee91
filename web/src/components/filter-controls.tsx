import type { ReactNode } from 'react';

/** A filter form whose submit applies the name search (`q`). */
export function FilterForm({
  label,
  onSearch,
  children,
}: {
  label: string;
  onSearch: (q: string) => void;
  children: ReactNode;
}) {
  return (
    <search>
      <form
        className="filters"
        aria-label={label}
        onSubmit={(event) => {
          event.preventDefault();
          const value = new FormData(event.currentTarget).get('q');
          onSearch(typeof value === 'string' ? value.trim() : '');
        }}
      >
        {children}
      </form>
    </search>
  );
}

/** The "Search by name" box of a FilterForm, showing the URL's current `q`. */
export function NameSearch({ value }: { value: string }) {
  return (
    <label className="wide">
      Search by name
      <span className="search-row">
        <input name="q" type="search" defaultValue={value} key={value} />
        <button type="submit">Search</button>
      </span>
    </label>
  );
}

/**
 * A labelled select over `options` (value → label), with an optional first "any" choice. Give the options
 * as [value, label] pairs where their order matters and a value may look like a number (an object lists
 * integer-like keys first).
 */
export function FilterSelect({
  label,
  name,
  value,
  options,
  anyLabel,
  onChange,
}: {
  label: string;
  name?: string;
  value: string;
  options: Readonly<Record<string, string>> | readonly (readonly [string, string])[];
  /** The label of the empty choice; none when absent. */
  anyLabel?: string;
  onChange: (value: string) => void;
}) {
  return (
    <label>
      {label}
      <select name={name} value={value} onChange={(event) => onChange(event.target.value)}>
        {anyLabel !== undefined && <option value="">{anyLabel}</option>}
        {(Array.isArray(options) ? options : Object.entries(options)).map(([optionValue, optionLabel]) => (
          <option key={optionValue} value={optionValue}>
            {optionLabel}
          </option>
        ))}
      </select>
    </label>
  );
}
