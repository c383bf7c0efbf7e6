// LanceDB's native logger prints notices such as "No existing dataset … will be created" on
// stderr at warning level. It reads LANCEDB_LOG when the library loads, so this module is imported
// before '@lancedb/lancedb'. A level the user set is kept.
process.env.LANCEDB_LOG ??= 'error';
