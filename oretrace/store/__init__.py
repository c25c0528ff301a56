"""The review store: oretrace's typed records mapped to SQL tables (SQLite or PostgreSQL).

db: engines, sessions, migrations · schema: tables · repository: record and read back · export: JSONL/CSV.
"""
