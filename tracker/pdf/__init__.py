"""PDF documents in the layout of a Party document (Guideline 36-HD/VPTW, 2018).

This package only lays out what it is given: the services gather every figure and text, the
PDF code never queries. ``fonts`` finds an embeddable Unicode TrueType font with Vietnamese
glyphs (ReportLab's built-in fonts cannot draw Vietnamese), ``document`` builds the frame
(header, title, body, signature, recipients, page numbers), ``report`` lays out one report.
"""
