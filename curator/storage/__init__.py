"""Persistence: the engine and sessions, the schema and its migrations, the server, backups and restores."""
