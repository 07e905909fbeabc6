"""The zero-config demo: sample database, data dictionary and templates."""
