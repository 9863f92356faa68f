// Type declarations for the reparations Node.js binding. Amounts are decimal strings.

/** An amount or rate: a decimal string ("4500000.50"), a BigInt, or a decimal.js/big.js/
 * bignumber.js value (its toString() is used). A JS number is refused with a TypeError unless
 * the call passes {allowNumber: true}. */
export type Amount = string | bigint | (object & { toFixed(...args: any[]): string; toString(): string });

/** A calendar date, 'YYYY-MM-DD'. */
export type DateText = string;

/** A case: a plain object in the vocabulary of docs/case-format.md, JSON text, a Buffer (or
 * any Uint8Array) of JSON, or the path of a JSON file (a string not starting with "{"; a file
 * URL object works too). */
export type CaseInput = CaseObject | string | Uint8Array;

export interface CaseObject {
  id: string;
  currency: string;
  as_of?: DateText;
  description?: string;
  proceedings?: {
    kind?: 'criminal' | 'administrative' | 'political_repression';
    outcome?: 'acquitted' | 'dismissed_rehabilitating' | 'conviction_quashed' | 'admin_terminated' |
      'repression_rehabilitated' | 'amnesty' | 'pardon' | 'parole' | 'sentence_served' | 'sentence_mitigated' | 'pending';
    decision_date?: DateText;
    notice_date?: DateText;
    application_date?: DateText;
    death_sentence?: boolean;
    coerced_confession?: boolean;
    self_incrimination?: boolean;
    arbitrary_detention_finding?: boolean;
  };
  detentions?: Array<{ kind: string; start: DateText; end?: DateText | null; note?: string }>;
  torture?: { cc146_part?: 1 | 2 | 3; victim_recognised?: DateText };
  harms?: Array<{
    category: string;
    amount?: Amount; monthly?: Amount; annual?: Amount; years?: Amount; growth?: Amount; discount_rate?: Amount;
    date?: DateText; start?: DateText; end?: DateText; disposition?: string; description?: string;
  }>;
  [key: string]: unknown;
}

/** Scheme options: {"kz-cpc.indexation": "mci"}, {"kz-cpc": {indexation: "mci"}},
 * ["kz-cpc.indexation=mci"] or one such string. */
export type OptionsInput = Record<string, Amount | Record<string, Amount>> | string[] | string;

/** Exchange rates taking precedence over the built-in series: {"EUR/KZT": "520"} (1 EUR =
 * 520 KZT), {"EUR/KZT": ["520", "2026-01-01"]} (from a date), ["EUR/KZT=520[,YYYY-MM-DD]"],
 * one such line, or the path of a file of such lines (the CLI's --fx-file). */
export type FxInput = Record<string, Amount | [Amount, DateText]> | string[] | string;

export interface CommonOptions {
  /** Accept JS numbers as amounts, converted with String(). */
  allowNumber?: boolean;
  fx?: FxInput;
  /** Path(s) of reference series (CSV or JSON, docs/refdata.md). */
  seriesFiles?: string | string[];
  /** Path(s), JSON text or object(s) of scheme definitions (docs/schemes.md). */
  schemeFiles?: string | object | Array<string | object>;
}

export interface EstimateOptions extends CommonOptions {
  options?: OptionsInput;
  /** The valuation date, replacing the case's as_of. */
  asOf?: DateText;
  /** The language of the library's texts (labels, findings, warnings, bases): "en" (default),
   * "ru" or "kk"; another is refused (ReparationsError, path "lang"). Keys, enum values, scheme
   * ids and amounts do not change with it. */
  lang?: Lang;
}

export interface CompareOptions extends EstimateOptions {
  /** ISO 4217 code: totals are also converted at the valuation date. */
  reportCurrency?: string;
}

export interface Finding { code: string; text: string; basis?: string; bars: boolean }

export interface Line {
  head: string;
  group?: string;
  class: 'pecuniary' | 'non_pecuniary';
  label: string;
  basis: string;
  formula: string;
  quantity?: string;
  unit?: string;
  rate?: string;
  nominal?: string;
  adjustment?: string;
  amount: string;
  note?: string;
}

export interface Estimate {
  scheme: string;
  name: string;
  jurisdiction: string;
  status: string;
  currency: string;
  as_of: DateText;
  eligible: boolean;
  findings: Finding[];
  lines: Line[];
  totals: { pecuniary: string; non_pecuniary: string; total: string };
  total: string;
  total_if_eligible: string;
  range?: { low: string; high: string; uses: string; items: Array<{ label: string; low: string; high: string; basis?: string }> };
  days: number;
  per_day: string;
  options: Array<{ name: string; value: string; user_set: boolean }>;
  refdata: Array<{ series: string; date: DateText; from: DateText; value: string; confidence: string; source: string }>;
  warnings: string[];
  notes: string;
  citations: Array<{ instrument: string; article?: string }>;
  [key: string]: unknown;
}

export interface ComparisonRow {
  scheme: string;
  name: string;
  status: string;
  currency: string;
  ok: boolean;
  error?: string;
  eligible?: boolean;
  reason?: string;
  total?: string;
  total_if_eligible?: string;
  days?: number;
  per_day?: string;
  report_total?: string;
  report_per_day?: string;
  fx_rate?: string;
  fx_source?: string;
  [key: string]: unknown;
}

/** The languages the library writes its texts in. */
export type Lang = 'en' | 'ru' | 'kk';

export interface Comparison {
  case: string;
  as_of: DateText;
  /** Present when lang is "ru" or "kk". */
  lang?: Lang;
  /** Texts shown as written (no translation: a user scheme's own texts), when lang is "ru" or "kk". */
  untranslated?: string[];
  report_currency?: string;
  comparison: ComparisonRow[];
  estimates: Estimate[];
}

export interface SchemeOption {
  name: string; description: string; type: 'decimal' | 'choice'; default?: string;
  min?: string; max?: string; choices?: string;
}

export interface Scheme {
  id: string; name: string; jurisdiction: string; status: string; currency: string; notes: string;
  options: SchemeOption[];
  [key: string]: unknown;
}

export interface SeriesInfo {
  id: string; name: string; unit: string; description: string; until: DateText; user_loaded: boolean; points: number;
}

export interface Series {
  id: string; name: string; unit: string; description: string; until: DateText; user_loaded: boolean;
  points: Array<{ from: DateText; value: string; confidence: string; source: string }>;
}

export interface CaseInfo { id: string; currency: string; detentions: number; harms: number }

/** A library call failed. */
export class ReparationsError extends Error {
  name: 'ReparationsError';
  /** The library's stable status name: "invalid", "syntax", "range", "not_found", "no_data",
   * "io", "precision", "limit", "no_memory". */
  code: string;
  /** The numeric rep_status. */
  status: number;
  /** The JSON path of the offending field ("detentions[1].end"), an argument ("asOf",
   * "reportCurrency", "schemes[0]", "fx", "lang"), or "". */
  path: string;
  /** The step that failed: "case", "asOf", "option", "scheme", "fx", "seriesFiles", ... */
  stage: string;
  constructor(message: string, init?: { code?: string; status?: number; path?: string; stage?: string });
}

/** Evaluate a case under one scheme (default "kz-cpc"), on the thread pool. */
export function estimate(c: CaseInput, scheme?: string, opts?: EstimateOptions): Promise<Estimate>;
/** Evaluate a case under several schemes, on the thread pool. */
export function estimate(c: CaseInput, schemes: string[], opts?: EstimateOptions): Promise<Estimate[]>;
export function estimateSync(c: CaseInput, scheme?: string, opts?: EstimateOptions): Estimate;
export function estimateSync(c: CaseInput, schemes: string[], opts?: EstimateOptions): Estimate[];

/** One case under many schemes (null or undefined: every scheme), on the thread pool. */
export function compare(c: CaseInput, schemes?: string | string[] | null, opts?: CompareOptions): Promise<Comparison>;
export function compareSync(c: CaseInput, schemes?: string | string[] | null, opts?: CompareOptions): Comparison;

/** The printable statement of a comparison: the library's self-contained HTML page (A4, its
 * styles inline, nothing loaded from elsewhere), in opts.lang. */
export function statement(c: CaseInput, schemes?: string | string[] | null, opts?: CompareOptions): Promise<string>;
export function statementSync(c: CaseInput, schemes?: string | string[] | null, opts?: CompareOptions): string;

export interface BatchOptions extends CommonOptions {
  /** Threads evaluating (0: one per processor; default 1); rows stay in input order. */
  jobs?: number;
  /** "totals" (default) or "lines": each row also carries its itemized lines. */
  fields?: 'totals' | 'lines';
  /** Replaces each case's valuation date. */
  asOf?: DateText;
  options?: OptionsInput;
}

/** One itemized line of a batch row (fields: "lines"). */
export interface BatchLine {
  head: string; class: string; label: string; amount: string;
  group?: string; basis?: string; formula?: string; quantity?: string; unit?: string; rate?: string;
  nominal?: string; adjustment?: string; note?: string;
}

/** One case under one scheme. A case that could not be read has one row, scheme null; a failed
 * row has ok false, status its error code, and null for every figure. Amounts are decimal strings. */
export interface BatchRow {
  /** 0-based position of the case in the input. */
  index: number;
  line: number | null;
  /** The case's id ("" when it has none or could not be read). */
  case: string;
  scheme: string | null;
  /** "ok", or the error code: "syntax", "invalid", "range", "not_found", "no_data", "limit", ... */
  status: string;
  ok: boolean;
  error_path: string | null;
  error_message: string | null;
  eligible: boolean | null;
  currency: string | null;
  total: string | null;
  total_if_eligible: string | null;
  range_low: string | null;
  range_high: string | null;
  total_pecuniary: string | null;
  total_non_pecuniary: string | null;
  days: number | null;
  per_day: string | null;
  /** How many warnings the estimate carries. */
  warnings: number | null;
  /** The subtotal of each head ("liberty", "moral_harm", ...), in order of first appearance. */
  heads: Record<string, string> | null;
  /** With fields: "lines". */
  lines?: BatchLine[] | null;
}

/** Many cases under one or more schemes, on the thread pool: one row per case x scheme, in
 * input order; a bad case is a row, never a rejection. */
export function batch(cases: Iterable<CaseInput>, schemes: string | string[], opts?: BatchOptions): Promise<BatchRow[]>;
export function batchSync(cases: Iterable<CaseInput>, schemes: string | string[], opts?: BatchOptions): BatchRow[];
/** The rows of batch() as they are evaluated, for caseloads beyond memory: `cases` is read a
 * window at a time (up to 2,048 cases; at most two windows ahead of the rows handed over), rows
 * come in input order. `break` stops the reading and the evaluation and closes `cases`. Bad
 * arguments reject the first next() with a ReparationsError whose path names the option. */
export function batchStream(cases: Iterable<CaseInput> | AsyncIterable<CaseInput>, schemes: string | string[],
  opts?: BatchOptions): AsyncGenerator<BatchRow, void, undefined>;

export function schemes(opts?: { schemeFiles?: CommonOptions['schemeFiles'] }): Scheme[];
export function refdata(id?: null, opts?: { seriesFiles?: string | string[] }): SeriesInfo[];
export function refdata(id: string, opts?: { seriesFiles?: string | string[] }): Series;

/** Read and check a case; throws ReparationsError naming the JSON path of the first problem. */
export function validate(c: CaseInput, opts?: { asOf?: DateText; allowNumber?: boolean }): CaseInfo;
export function validateAsync(c: CaseInput, opts?: { asOf?: DateText; allowNumber?: boolean }): Promise<CaseInfo>;

/** A deep copy of a result with every amount string as an instance of `Decimal` (default:
 * decimal.js, else big.js or bignumber.js, whichever is installed; throws if none is). */
export function withDecimals<T>(result: T, Decimal?: new (s: string) => unknown): any;

/** The languages the library writes its texts in. */
export const LANGUAGES: readonly Lang[];
/** The C library's version string. */
export const version: string;
export function libraryVersion(): [string, number];
/** The path of the addon file in use. */
export function addonPath(): string | undefined;
