// SheetJS with its codepage tables loaded. As an ES module SheetJS does not load them by itself,
// and without them legacy .xls files written in a single-byte codepage such as cp1251 read garbled.

import * as XLSX from '@e965/xlsx';
import * as cptable from '@e965/xlsx/dist/cpexcel.full.mjs';

XLSX.set_cptable(cptable);

export { XLSX };
