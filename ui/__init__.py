"""The Streamlit dashboard: pages and widgets only (``app.py`` just calls ``ui.main.main``).

Every module here reads session state, calls the library packages
(``events.store``, ``events.io``, ``events.ingest``, ``mapview``,
``gazetteer``) and renders; none holds domain rules. Modules:

* ``main`` – page setup and routing (map / review article / import).
* ``state`` – the widget keys, session state ⇄ Query, URL sync.
* ``permalink`` – ViewState ⇄ URL query parameters, validated (pure, no streamlit).
* ``data`` – the cached store and the cached frames per (store revision, Query).
* ``sidebar`` – language, page and filter widgets.
* ``timeline`` / ``playback`` – range slider and window bookkeeping (pure step logic in playback;
  the histogram brush and Play run in the map itself).
* ``evmap`` – the map component (mapview/evmap): the filtered events sent once, clicks/windows back.
* ``search`` – a place search through the gazetteer's spellings.
* ``details`` – the side panel (source chain, quotes, links, denials ↔ claims).
* ``table`` – the event table (row click selects).
* ``exports`` / ``importer`` / ``review`` – downloads, uploads, article review.
* ``i18n`` – English and Arabic UI strings; ``text`` – escaping and direction of user text;
  ``style`` – the fixed stylesheet (RTL for Arabic).
"""
