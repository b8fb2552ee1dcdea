"""The pure core of warmintro: dataclasses and functions, no Textual, no TinyDB.

Everything here can be tested without a screen or a database file.
"""
