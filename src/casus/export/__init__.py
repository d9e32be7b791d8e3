"""Exports: JSON Lines now; UCDP, ACLED, GeoJSON and Parquet with the store."""
