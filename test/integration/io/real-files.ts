// Expected shape of each real CSV/TSV file copied from the data set, checked by the io tests.

export interface RealFileExpectation {
  file: string;
  delimiter: string;
  encoding: string;
  rows: number;
  name: string;
  unit?: string;
  price?: string;
  id?: string;
  priceIssues: number;
}

export const REAL_FILES: RealFileExpectation[] = [
  { file: 'azap026_PyQtDesigner__1111.csv', delimiter: ';', encoding: 'utf-8-bom', rows: 2317, name: 'name', unit: 'unit', price: 'price', priceIssues: 13 },
  { file: 'garliccat_leroy_parser__leroy.csv', delimiter: ';', encoding: 'utf-8', rows: 149, name: 'title', price: 'price', priceIssues: 0 },
  { file: 'lisichkinpavel_parsing_course__leroy.csv', delimiter: ',', encoding: 'utf-8', rows: 1283, name: 'title', price: 'price', id: '_id', priceIssues: 0 },
  { file: 'demoexam_shop_dump__products_only.tsv', delimiter: '\t', encoding: 'utf-8', rows: 30, name: 'product_name', price: 'price', id: 'article', priceIssues: 0 },
  { file: 'leroy_article_list__from_code_dict.csv', delimiter: ',', encoding: 'utf-8', rows: 8, name: 'name', id: 'leroy_article', priceIssues: 0 },
  { file: 'etronicspy_rag-stroyactiv/tests_data_extended_format_sample.csv', delimiter: ',', encoding: 'utf-8', rows: 3, name: 'name', unit: 'calc_unit', price: 'unit_price', id: 'sku', priceIssues: 0 },
  { file: 'etronicspy_rag-stroyactiv/tests_data_large_supplier_50_materials.csv', delimiter: ',', encoding: 'utf-8', rows: 51, name: 'name', unit: 'unit', price: 'price', priceIssues: 0 },
  { file: 'etronicspy_rag-stroyactiv/tests_data_large_supplier_50_materials_extended.csv', delimiter: ',', encoding: 'utf-8', rows: 51, name: 'name', unit: 'calc_unit', price: 'unit_price', id: 'sku', priceIssues: 0 },
  { file: 'etronicspy_rag-stroyactiv/tests_data_raw_products_example.csv', delimiter: ',', encoding: 'utf-8', rows: 5, name: 'name', unit: 'calc_unit', price: 'unit_price', id: 'sku', priceIssues: 0 },
  { file: 'etronicspy_rag-stroyactiv/tests_data_raw_products_example2.csv', delimiter: ',', encoding: 'utf-8', rows: 3, name: 'name', unit: 'calc_unit', price: 'unit_price', id: 'sku', priceIssues: 0 },
  { file: 'etronicspy_rag-stroyactiv/tests_data_stroyactiv-table.csv', delimiter: ',', encoding: 'utf-8', rows: 1, name: 'name', unit: 'unit', price: 'unit_price', id: 'sku', priceIssues: 0 },
  { file: 'etronicspy_rag-stroyactiv/tests_data_test_price_v1.csv', delimiter: ',', encoding: 'utf-8', rows: 2, name: 'name', unit: 'unit', price: 'price', priceIssues: 0 },
  { file: 'etronicspy_rag-stroyactiv/tests_data_test_price_v2.csv', delimiter: ',', encoding: 'utf-8', rows: 3, name: 'name', unit: 'unit', price: 'price', priceIssues: 0 },
  { file: 'etronicspy_rag-stroyactiv/tests_data_test_price_v3.csv', delimiter: ',', encoding: 'utf-8', rows: 4, name: 'name', unit: 'unit', price: 'price', priceIssues: 0 },
  { file: 'etronicspy_rag-stroyactiv/tests_data_test_price_v4.csv', delimiter: ',', encoding: 'utf-8', rows: 5, name: 'name', unit: 'unit', price: 'price', priceIssues: 0 },
  { file: 'etronicspy_rag-stroyactiv/tests_data_valid_prices.csv', delimiter: ',', encoding: 'utf-8', rows: 4, name: 'name', unit: 'unit', price: 'price', priceIssues: 0 },
];
