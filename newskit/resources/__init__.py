"""Rules kept as data: boilerplate patterns, abbreviations, sentence starters, number words.

Each table lives in its own module here so that a user can read it and extend it; the code that
applies a table lives in the stage module that uses it (``clean``, ``segment``, …).
"""
