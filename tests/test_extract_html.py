from govgraph.loaders.html import html_to_text


def test_html_keeps_items_headings_and_bullets_and_drops_scripts():
    page = ("<html><head><style>p{}</style><script>var x=1;</script></head><body>"
            "<nav><a>Home</a></nav><h2>5. Ofsted Inspection</h2><p>The Panel noted:</p>"
            "<ul><li>Timeliness of strategy meetings.</li><li>Oversight.</li></ul></body></html>")
    text = html_to_text(page)
    assert "5. Ofsted Inspection" in text.splitlines()
    assert "· Timeliness of strategy meetings." in text.splitlines()
    assert "var x" not in text and "Home" not in text and "p{}" not in text
