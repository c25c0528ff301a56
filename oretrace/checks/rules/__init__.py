"""One module per check; importing a module registers its check (see checks/__init__.py for the order)."""
