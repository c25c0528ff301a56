"""The review workspace: users and roles, decisions on findings, history, and the web application."""
