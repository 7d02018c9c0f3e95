"""PDFs that prove themselves: the page stamp, PDF/A-3b with the records embedded, the
installation's signature, and ``verify``.  :meth:`ReportsApi.finish
<villagebook.services.printing.ReportsApi.finish>` runs them for every report kind."""
