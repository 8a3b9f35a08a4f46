"""Exchange of statuses as files: statuses and the matrix as CSV and XLSX, and the import of
statuses in the same format.

The statuses export is the import format: a file exported and imported again unchanged
changes nothing. Every row is checked first; if any row is rejected, nothing is written.
Reading an uploaded file (type by content, encoding, header) is the job of exchange.forms
and common.tabular; a file that cannot be used raises common.tabular.ImportFileError.

- columns.py     the file format: column names, the words a file holds, an upload's rows
- export.py      the downloads (statuses, matrix), streamed
- row_checks.py  checking every row of an upload against the database
- importing.py   statuses_import: all rows or none, through statuses.services.status_save
- forms.py, views.py, urls.py

Decisions:

- A row is a whole status: an empty cell empties that field. Statuses the file does not
  name stay as they are; an import never deletes.
- The administration is found by Regionalschlüssel (a key whose leading zero a
  spreadsheet dropped is padded again), else by its exact name; when both are given they
  must agree. A topic by Kurzadresse or name in „Thema/OZG-ID“ (else by „Bezeichnung“), an
  OZG service by its ID; a „Bezeichnung“ that names something else rejects the row.
- Stage and maturity by their German label or number, dates as TT.MM.JJJJ or JJJJ-MM-TT,
  a contact by the exact name of a contact of that administration. „zuletzt geändert“ is
  only information and is ignored.
- Row numbers are those a spreadsheet program shows: the header is row 1.
- Cells a spreadsheet would run as a formula get a leading apostrophe on export, in CSV
  and XLSX alike (common.tabular); the import removes it again.
"""
