/**
 * A product CSV of a given size for the import's tests and benchmark: two variants per product,
 * with a BOM if asked, and planted faults (duplicates in the file, bad cells, an extra cell, a
 * SKU the table already has) at known lines, each with the status the import must give it.
 */
import { gtinCheckDigit } from '../../lib/catalog/gtin.js';

export interface SampleLine {
  line: number;
  expected: 'imported' | 'rejected';
  /** The column the report must name for a planted fault (empty: rejected with its product). */
  column?: string;
}

export interface ProductSample {
  csv: string;
  lines: SampleLine[];
  /** SKUs a product created before the import must already own (a duplicate against the table). */
  takenSkus: string[];
}

const HEADER = 'name,brand,category,status,description,attributes,sku,options,price,cost,currency,barcode';

const ean13 = (run: number, n: number): string => {
  const body = `29${String(run % 1000).padStart(3, '0')}${String(n).padStart(7, '0')}`;
  return `${body}${gtinCheckDigit(body)}`;
};

const quote = (value: string): string => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** `rows` data lines (about); `tag` makes the SKUs and names unique per run. */
export const productSample = (rows: number, tag: string, options: { bom?: boolean } = {}): ProductSample => {
  const run = Number.parseInt(tag.replace(/\D/g, '').slice(-3) || '0', 10);
  const out: string[] = [HEADER];
  const lines: SampleLine[] = [];
  const takenSkus: string[] = [];
  let barcodeSeq = 0;
  let previous: { sku0: string; barcode1: string } | undefined;
  for (let p = 0; lines.length < rows; p++) {
    const left = rows - lines.length;
    // The last product fills the file up to exactly `rows` lines, without a fault.
    const fault = left < 3 ? -1 : p % 100;
    const name = `Saline ${tag} ${p}`;
    const variants = (left < 2 ? [0] : [0, 1]).map((v) => ({
      sku: `IMP-${tag}-${p}-${v}`,
      options: JSON.stringify({ size: v === 0 ? '100ml' : '250ml' }),
      price: String(900 + v * 400),
      cost: String(300 + v * 100),
      currency: 'AUD',
      barcode: ean13(run, barcodeSeq++),
    }));
    const [v0, v1 = v0] = variants as [(typeof variants)[number], (typeof variants)[number]];
    let faultLine: { index: number; column: string } | undefined;
    if (fault === 10 && previous) {
      v1.sku = previous.sku0.toLowerCase(); // upper-cased on import: then the same as the previous product's
      faultLine = { index: 1, column: 'sku' };
    } else if (fault === 20) {
      v0.price = '12.99';
      faultLine = { index: 0, column: 'price' };
    } else if (fault === 30) {
      v0.barcode = `${v0.barcode.slice(0, -1)}${(Number(v0.barcode.at(-1)) + 1) % 10}`;
      faultLine = { index: 0, column: 'barcode' };
    } else if (fault === 40 && previous) {
      v1.barcode = `0${previous.barcode1}`; // the same GTIN spelt as GTIN-14
      faultLine = { index: 1, column: 'barcode' };
    } else if (fault === 50) {
      v1.currency = 'dollars';
      faultLine = { index: 1, column: 'currency' };
    } else if (fault === 60) {
      takenSkus.push(v0.sku);
      faultLine = { index: 0, column: 'sku' };
    }
    const emitted = variants.map((variant, index) => {
      const cells = [
        index === 0 ? `  ${name}  ` : name, // trimmed on import
        'Clearwell',
        'solutions',
        'active',
        index === 0 ? 'Preservative-free, "sensitive eyes"' : '',
        index === 0 ? '{"volumeMl": 100}' : '',
        variant.sku,
        variant.options,
        variant.price,
        variant.cost,
        variant.currency,
        variant.barcode,
      ];
      return cells.map(quote).join(',');
    });
    if (fault === 70) {
      // The same row twice inside one product: the product is refused (SKU twice).
      emitted.push(emitted[1] as string);
      faultLine = { index: 2, column: 'sku' };
    }
    if (fault === 80) {
      emitted[0] = `${emitted[0]},surplus`;
      faultLine = { index: 0, column: '' };
    }
    emitted.forEach((text, index) => {
      out.push(text);
      const line = out.length;
      const rejected = faultLine !== undefined;
      lines.push({
        line,
        expected: rejected ? 'rejected' : 'imported',
        ...(faultLine && faultLine.index === index ? { column: faultLine.column } : {}),
      });
    });
    previous = { sku0: v0.sku, barcode1: v1.barcode };
  }
  return { csv: `${options.bom ? '\uFEFF' : ''}${out.join('\r\n')}\r\n`, lines, takenSkus };
};
