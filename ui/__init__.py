"""Streamlit-side helpers shared by every page: data loading (cached), URL state, rendering.

Only this package and the pages import streamlit; `analysis` never does.
"""
