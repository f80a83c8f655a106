"""The graph for analysis tools: tables (CSV, Excel, Parquet) and network files (GraphML, GEXF).

`tables` needs nothing beyond plankg; the writers need the `analysis` extra
(`pip install 'plankg[analysis]'`: pandas, pyarrow, openpyxl, networkx).
"""
