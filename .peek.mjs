import * as XLSX from '@e965/xlsx';
import { readFileSync } from 'node:fs';
const wb = XLSX.read(readFileSync(process.argv[2]));
const rows = XLSX.utils.sheet_to_json(wb.Sheets[wb.SheetNames[0]], { header: 1, defval: '' });
console.log(wb.SheetNames, rows.length);
for (const r of rows.slice(0, Number(process.argv[3] ?? 8))) console.log(JSON.stringify(r));
