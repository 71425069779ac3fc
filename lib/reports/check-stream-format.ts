import type { Notice } from '../loading/loaded-template';
import { isFailing, summarise, type CheckReport, type FailLevel, type Summary } from './check-report';
import { resultsOf } from './check-report';
import type { TemplateResult } from './template-result';

/** What a report's frame needs once every template has been seen. */
export interface CheckTotals extends Summary {
  /** Every notice: those about the input first, then those about each template in order. */
  readonly notices: readonly Notice[];
  /** True when at least one finding fails the run at the `--fail-on` level. */
  readonly failing: boolean;
}

/**
 * A report format written one template at a time: `template` gives each template's text in
 * order, `frame` what goes before and after them once the totals are known (JUnit's header
 * counts, SARIF's notifications and JSON's summary come from the whole run). A formatter may
 * keep counts, never the results themselves.
 */
export interface CheckFormatter {
  template(result: TemplateResult): string;
  frame(totals: CheckTotals): { readonly head: string; readonly tail: string };
}

/** Adds up the totals as results stream past. */
export class TotalsCounter {
  private templates = 0;
  private resources = 0;
  private errors = 0;
  private warnings = 0;
  private acknowledged = 0;
  private failing = false;

  constructor(private readonly failOn: FailLevel) {}

  public add(result: TemplateResult): void {
    this.templates++;
    this.resources += result.resources;
    for (const f of result.findings) {
      if (f.acknowledged) this.acknowledged++;
      else if (f.level === 'error') this.errors++;
      else this.warnings++;
      this.failing ||= isFailing(f, this.failOn);
    }
  }

  public totals(notices: readonly Notice[]): CheckTotals {
    const { templates, resources, errors, warnings, acknowledged, failing } = this;
    return { templates, resources, errors, warnings, acknowledged, notices, failing };
  }
}

/** The whole report as one string (the formats' classic entry points, and the golden files). */
export function formatReport(formatter: CheckFormatter, report: CheckReport, failOn: FailLevel): string {
  const body = resultsOf(report).map((r) => formatter.template(r)).join('');
  const { head, tail } = formatter.frame({ ...summarise(report), notices: report.notices, failing: report.findings.some((f) => isFailing(f, failOn)) });
  return head + body + tail;
}

const ITEMS = '@@dpp-check-stream-items@@';

/**
 * Streams one array of a pretty-printed JSON document: `JSON.stringify(value, null, 2)` with
 * the array's items written in between, byte for byte what stringifying the whole value prints.
 */
export class JsonArrayStream {
  private count = 0;

  /** @param indent the items' indentation in the document (spaces). */
  constructor(private readonly indent: number) {}

  /** An item's text, with the separator before it. */
  public item(value: unknown): string {
    const pad = ' '.repeat(this.indent);
    const text = JSON.stringify(value, null, 2).split('\n').join(`\n${pad}`);
    return `${this.count++ === 0 ? '' : ','}\n${pad}${text}`;
  }

  /**
   * The document's text before and after the items. `render` stringifies the document with the
   * given array in the streamed array's place.
   */
  public frame(render: (items: unknown[]) => string): { head: string; tail: string } {
    if (this.count === 0) return { head: render([]), tail: '' };
    const text = render([ITEMS]);
    const at = text.indexOf(`"${ITEMS}"`);
    const lineStart = text.lastIndexOf('\n', at);
    return { head: text.slice(0, lineStart), tail: text.slice(at + ITEMS.length + 2) };
  }
}
