"""HTML of a published minutes page to plain text (placeholder: the extraction work replaces it)."""
from __future__ import annotations

import html
import re


def html_to_text(markup: str) -> str:
    markup = re.sub(r"(?is)<(script|style)\b.*?</\1>", "", markup)
    markup = re.sub(r"(?i)<br\s*/?>|</(p|div|li|h[1-6]|tr)>", "\n", markup)
    markup = re.sub(r"(?i)<li[^>]*>", "\n- ", markup)
    text = html.unescape(re.sub(r"<[^>]+>", "", markup))
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
