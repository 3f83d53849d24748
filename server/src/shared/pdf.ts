// Printed documents: A4 pages drawn with pdfkit, Noto Sans SC embedded and subset so Chinese renders
// correctly ('regular' and 'bold'), collected into one buffer (renderPdf) or piped by the caller (newPdf).
import PDFDocument from 'pdfkit';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const FONT_REGULAR = require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
const FONT_BOLD = require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf');

/** A new A4 document with the fonts registered ('regular', 'bold'). */
export function newPdf(options: { margin: number; title: string; author: string; bufferPages?: boolean }): PDFKit.PDFDocument {
  const doc = new PDFDocument({ size: 'A4', margin: options.margin, info: { Title: options.title, Author: options.author }, bufferPages: options.bufferPages ?? false });
  doc.registerFont('regular', FONT_REGULAR);
  doc.registerFont('bold', FONT_BOLD);
  return doc;
}

/** Draws a document with `draw` (which must not call `end`) and resolves with its bytes. */
export function renderPdf(options: { margin: number; title: string; author: string }, draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = newPdf(options);
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    try {
      draw(doc);
      doc.end();
    } catch (e) {
      reject(e);
    }
  });
}
