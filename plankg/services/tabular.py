"""What makes an answer pleasant in a notebook: `.to_pandas()` (one row per item, nested fields flattened
to dotted columns) and an HTML table as its Jupyter repr. Mixed into the answer models; pandas is
imported only when asked for (the `analysis` extra)."""

from __future__ import annotations

import html
import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

HTML_MAX_ROWS = 20


class Tabular:
    """A pydantic answer that reads as a table: its `items`, a picture's node data, or itself."""

    def table_rows(self) -> list[dict[str, Any]]:
        data: dict[str, Any] = self.model_dump(mode="json")  # type: ignore[attr-defined]
        if isinstance(data.get("items"), list):
            return list(data["items"])
        elements = data.get("elements")
        if isinstance(elements, dict) and isinstance(elements.get("nodes"), list):
            return [node["data"] for node in elements["nodes"]]
        return [data]

    def to_pandas(self) -> pd.DataFrame:
        try:
            import pandas as pd
        except ImportError:
            raise ImportError("to_pandas() needs pandas: pip install 'plankg[analysis]'") from None
        rows = self.table_rows()
        return pd.json_normalize(rows) if rows else pd.DataFrame()

    def _caption(self) -> str:
        data = self.__dict__
        shown = len(self.table_rows())
        total = data.get("total")
        plural = "s" if shown != 1 else ""
        counted = f"{shown} of {total}" if isinstance(total, int) else f"{shown} row{plural}"
        return f"{type(self).__name__}: {counted}"

    def _repr_html_(self) -> str:
        caption = f"<p><b>{html.escape(self._caption())}</b></p>"
        try:
            frame = self.to_pandas()
        except ImportError:
            body = json.dumps(self.table_rows()[:HTML_MAX_ROWS], ensure_ascii=False, indent=1)
            return caption + f"<pre>{html.escape(body)}</pre>"
        table: str = frame.to_html(max_rows=HTML_MAX_ROWS, escape=True, na_rep="")
        return caption + table
