"""Map layers: one element class per concern (event data layers, basemap, overlays)."""
