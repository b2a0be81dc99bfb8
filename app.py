"""Streamlit entry point: ``streamlit run app.py`` (see README). Pages live in ui/."""
from ui.main import main

main()
