"""Importers that turn external place lists into GazPlace records.

One module per format (OCHA/HDX CSV, GeoNames dump, user alias CSV) plus
``merge`` which folds records from several sources into one place each.
Every importer validates each row and raises errors.ParseError /
errors.ValidationError with ``where="file:line"`` so a bad file is reported
precisely and nothing half-read is used.
"""
