"use client";

import { useId, useMemo, useRef, useState } from "react";
import { parseAddress, streetKey } from "../streets";

/**
 * An address field autocompleted from the town's own street list (ARIA 1.2 combobox with a list popup):
 * arrows move in the list, Enter picks, Escape closes; the house number typed first is kept. Without
 * JavaScript it is the plain text field of a GET form, and the result page reads what was typed.
 */
export function AddressCombobox({
  name,
  label,
  defaultValue = "",
  help,
  error,
}: {
  name: string;
  label: string;
  defaultValue?: string;
  help?: string;
  error?: string;
}) {
  const id = useId().replace(/:/g, "");
  const inputId = `adresse-${id}`;
  const listId = `adresse-liste-${id}`;
  const helpId = help ? `adresse-aide-${id}` : undefined;
  const errorId = error ? `adresse-erreur-${id}` : undefined;
  const [value, setValue] = useState(defaultValue);
  const [streets, setStreets] = useState<string[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const loaded = useRef(false);

  const load = () => {
    if (loaded.current) return;
    loaded.current = true;
    fetch("/api/carte-scolaire/voies")
      .then((response) => (response.ok ? response.json() : []))
      .then((list: unknown) => setStreets(Array.isArray(list) ? list.filter((item): item is string => typeof item === "string") : []))
      .catch(() => undefined);
  };

  const { number, street } = parseAddress(value);
  const options = useMemo(() => {
    const key = streetKey(street);
    if (key.length < 2) return [];
    const words = key.split(" ");
    return streets.filter((name) => words.every((word) => streetKey(name).includes(word))).slice(0, 8);
  }, [street, streets]);
  const expanded = open && options.length > 0;

  const choose = (option: string) => {
    setValue(number === null ? option : `${number} ${option}`);
    setOpen(false);
  };

  return (
    <div className="relative">
      <label htmlFor={inputId} className="field-label">
        {label}
      </label>
      <input
        id={inputId}
        name={name}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
        aria-describedby={[helpId, errorId].filter(Boolean).join(" ") || undefined}
        aria-invalid={error ? true : undefined}
        autoComplete="off"
        maxLength={200}
        className="field-input w-full"
        value={value}
        onFocus={load}
        onChange={(event) => {
          setValue(event.target.value);
          setActive(-1);
          setOpen(true);
        }}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown") {
            event.preventDefault();
            setOpen(true);
            setActive((index) => Math.min(options.length - 1, index + 1));
          } else if (event.key === "ArrowUp") {
            event.preventDefault();
            setActive((index) => Math.max(0, index - 1));
          } else if (event.key === "Enter" && expanded && active >= 0) {
            event.preventDefault();
            choose(options[active]!);
          } else if (event.key === "Escape") setOpen(false);
        }}
      />
      {help ? (
        <p id={helpId} className="field-help">
          {help}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
      <ul
        id={listId}
        role="listbox"
        aria-label="Voies de la commune"
        hidden={!expanded}
        className="absolute z-10 mt-1 w-full rounded-md border border-slate-400 bg-white shadow-lg"
      >
        {options.map((option, index) => (
          <li
            key={option}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active}
            className={`cursor-pointer px-3 py-2 ${index === active ? "bg-town text-white" : "hover:bg-slate-100"}`}
            onMouseDown={(event) => {
              event.preventDefault();
              choose(option);
            }}
          >
            {option}
          </li>
        ))}
      </ul>
      <p className="sr-only" role="status" aria-live="polite">
        {expanded ? `${options.length} voie${options.length > 1 ? "s" : ""} proposée${options.length > 1 ? "s" : ""}` : ""}
      </p>
    </div>
  );
}
