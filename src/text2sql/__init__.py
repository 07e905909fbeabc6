"""text2sql command line."""
