"""Tables in and out: every CSV and XLSX file the portal writes or reads goes through here.

- guard.py: the one formula-injection guard (an apostrophe before what a spreadsheet
  would run; removed again on reading);
- writing.py: downloads as CSV and XLSX (`csv_response`, `xlsx_response`);
- reading.py: CSV and XLSX files and uploads read by their content (`read_upload`,
  `read_csv_file`, `read_csv`, `read_xlsx`) into a `Table` of `Row`s;
- report.py: the one error type (`ImportFileError`, `RowError`) and the one report
  (`ImportReport`) of the importers.
"""

from .guard import spreadsheet_safe, spreadsheet_unsafe
from .reading import Row, Table, read_csv, read_csv_file, read_upload, read_xlsx
from .report import ImportFileError, ImportReport, RowError, Tally
from .writing import (
    CSV_TYPE,
    XLSX_TYPE,
    cell_text,
    csv_bytes,
    csv_response,
    csv_stream,
    sheet_title,
    xlsx_file,
    xlsx_response,
)

__all__ = [
    "CSV_TYPE", "XLSX_TYPE", "ImportFileError", "ImportReport", "Row", "RowError", "Table",
    "Tally", "cell_text", "csv_bytes", "csv_response", "csv_stream", "read_csv",
    "read_csv_file", "read_upload", "read_xlsx", "sheet_title", "spreadsheet_safe",
    "spreadsheet_unsafe", "xlsx_file", "xlsx_response",
]
