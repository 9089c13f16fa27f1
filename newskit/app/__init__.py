"""The applications on top of the analyses: the HTML report, notebook refresh, the Voilà dashboard
and the ``newskit`` command line. Nothing upstream imports from here."""
