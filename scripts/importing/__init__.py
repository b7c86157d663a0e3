"""Turn a source's files (an open-data export, the Baromètre…) into the programme's Data Package.

`scripts/import_data.py SOURCE_KIND FILES… --output DIR` runs it. The engine is shared:
- errors.py     SourceError: a located French message (file, line, column, fix), exit 1
- sourcefile.py read a CSV whatever its encoding, BOM and delimiter; columns matched by header name
- values.py     cells → numbers, dates, periods; text where a number is due is a SourceError
- mapping.py    the declared mapping of a source (mappings/<kind>.json) + a maintainer's override file
- report.py     the import report: rows read, imported, skipped per reason, unmatched references
- writer.py     the one place that writes a package's files (layout from plugins/results/core)
- existing.py   an existing package read back, so that a re-import updates it in place
- merge.py      re-import: imported tables replace their rows, hand-maintained tables are kept
- sources/      one module per source kind, each turning its files into tables of rows
"""
